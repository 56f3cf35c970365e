using System.Text.Json;
using Bot.Dialogs.Conversation;
using Bot.Dialogs.Messages;
using Bot.Host.Conversation;
using Bot.Host.Storage;
using StackExchange.Redis;

namespace Bot.Host.Advisors;

/// <summary>One message of an advisor conversation. <paramref name="From"/>: "student", "advisor" or "bot".</summary>
public sealed record ThreadMessage(string From, string Text, DateTimeOffset At, string? Advisor = null);

/// <summary>An open conversation on the dashboard's inbox.</summary>
public sealed record OpenThread(StudentSummary Student, IReadOnlyList<ThreadMessage> Messages);

/// <summary>
/// Questions to advisors and their answers, in Redis: <c>adv:threads</c> (open threads by last activity) and
/// <c>adv:msgs:{student}</c> (the messages, each encrypted with <see cref="Storage.Encryption.StorageCipher"/>, bound to the
/// thread's key; messages stored before encryption are read as they are). Answers go to the student on their channel.
/// </summary>
public sealed class AdvisorInbox(
    IConnectionMultiplexer redis,
    Storage.Encryption.StorageCipher cipher,
    StudentStateEditor editor,
    StudentMessenger messenger,
    StudentDirectory directory,
    Audit.AuditTrail audit,
    TimeProvider time,
    ILogger<AdvisorInbox> logger) : IStudentDataEraser
{
    public static readonly RedisKey OpenThreads = "adv:threads";
    private const int MaxMessages = 200;

    /// <summary>A thread's messages live this long after its last message.</summary>
    public static readonly TimeSpan ThreadLifetime = TimeSpan.FromDays(90);

    public static RedisKey MessagesKey(StudentKey student) => "adv:msgs:" + student.Tag;

    /// <summary>The student asked to delete their data: their questions and the advisors' answers go too.</summary>
    public async Task EraseAsync(StudentKey student, CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        await Task.WhenAll(
            db.KeyDeleteAsync(MessagesKey(student)),
            db.SortedSetRemoveAsync(OpenThreads, student.ToString()),
            db.SetRemoveAsync(StudentDirectory.BlockedSet, student.ToString()));
    }

    public async Task AddAsync(StudentKey student, ThreadMessage message)
    {
        var db = redis.GetDatabase();
        var key = MessagesKey(student);
        var batch = db.CreateBatch();
        var tasks = new Task[]
        {
            batch.ListRightPushAsync(key, cipher.Seal(JsonSerializer.SerializeToUtf8Bytes(message, AdvisorJson.Default.ThreadMessage), key.ToString())),
            batch.ListTrimAsync(key, -MaxMessages, -1),
            batch.KeyExpireAsync(key, ThreadLifetime),
            batch.SortedSetAddAsync(OpenThreads, student.ToString(), message.At.ToUnixTimeMilliseconds()),
        };
        batch.Execute();
        await Task.WhenAll(tasks);
    }

    public async Task<IReadOnlyList<ThreadMessage>> MessagesAsync(StudentKey student)
    {
        var key = MessagesKey(student);
        return [.. (await redis.GetDatabase().ListRangeAsync(key))
            .Select(v => JsonSerializer.Deserialize(cipher.OpenOrPlain((byte[])v!, key.ToString()), AdvisorJson.Default.ThreadMessage)!)];
    }

    public async Task<IReadOnlyList<OpenThread>> OpenAsync()
    {
        var members = await redis.GetDatabase().SortedSetRangeByRankAsync(OpenThreads, 0, 99, Order.Descending);
        var threads = new List<OpenThread>();
        var now = time.GetUtcNow();
        foreach (var member in members)
        {
            var key = StudentKey.Parse(member.ToString());
            var state = await directory.ReadStateAsync(key);
            if (state is not null)
            {
                threads.Add(new OpenThread(StudentSummary.From(key, state, now), await MessagesAsync(key)));
            }
        }

        return threads;
    }

    /// <summary>Sends an advisor's answer; from now on the bot stays quiet for this student until <see cref="HandBackAsync"/>.</summary>
    public async Task<PushResult> AnswerAsync(StudentKey student, string text, string advisor, CancellationToken cancellationToken)
    {
        var state = await editor.UpdateAsync(student, s => s.Advisor = AdvisorTalk.Talking, cancellationToken);
        if (state is null)
        {
            return PushResult.Failed;
        }

        await AddAsync(student, new ThreadMessage("advisor", text, time.GetUtcNow(), advisor));
        var reply = MessageCatalogue.Default.Format(state.Language, "advisor.answerPrefix", text);
        var result = await messenger.PushAsync(student, [new Reply(reply)], cancellationToken);
        AdvisorLog.Answered(logger, student.Channel, result);
        await audit.RecordAsync(advisor, "answer", student.ToString(), result.ToString());
        return result;
    }

    /// <summary>The one action that gives the student back to the bot.</summary>
    public async Task<bool> HandBackAsync(StudentKey student, string advisor, CancellationToken cancellationToken)
    {
        var state = await editor.UpdateAsync(student, s => s.Advisor = null, cancellationToken);
        if (state is null)
        {
            await redis.GetDatabase().SortedSetRemoveAsync(OpenThreads, student.ToString());
            return false;
        }

        await AddAsync(student, new ThreadMessage("bot", "Handed back to the bot.", time.GetUtcNow(), advisor));

        // After the note above (which touches the thread), so the closed thread leaves the inbox.
        await redis.GetDatabase().SortedSetRemoveAsync(OpenThreads, student.ToString());
        var text = MessageCatalogue.Default.Text(state.Language, "advisor.handedBack");
        await messenger.PushAsync(student, [new Reply(text)], cancellationToken);
        await audit.RecordAsync(advisor, "handback", student.ToString());
        return true;
    }
}
