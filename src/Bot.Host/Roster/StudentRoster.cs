using Bot.Dialogs.Conversation;
using Bot.Host.Advisors;
using Bot.Host.Conversation;
using Bot.Host.Storage;
using StackExchange.Redis;

namespace Bot.Host.Roster;

/// <summary>A student's roster entry as a saved turn sends it along with its commit; <paramref name="UpdatedMs"/> is the record's save time.</summary>
public sealed record RosterWrite(StudentKey Student, RosterEntry Entry, long UpdatedMs);

/// <summary>
/// Keeps the advisors' roster (<see cref="RosterKeys"/>) in step with the records: a turn that changes what advisors see
/// sends the student's entry in the same flush as its commit (<see cref="StudentStore.CommitAsync"/>), so the turn still
/// waits for two round trips; /delete removes the student from every shard key; a rebuild writes entries from records.
/// Only Telegram and LINE students are on the roster ("try the bot" and the terminal are not students of any school).
/// </summary>
public sealed class StudentRoster(IConnectionMultiplexer redis, StudentDirectory directory, Storage.Encryption.StorageCipher cipher, TimeProvider time, ILogger<StudentRoster> logger)
    : IStudentDataEraser
{
    /// <summary>The keyed token the roster names a value by where it must not be readable (name words, tombstones).</summary>
    public string Token(string value) => cipher.Token("roster", value);

    public static bool Keeps(StudentKey student) => student.Channel is "tg" or "line";

    /// <summary>The entry before a turn, to compare with after it; null for a student not on the roster or not saved yet.</summary>
    public static RosterEntry? Before(StudentKey student, StudentState? state) =>
        state is not null && Keeps(student) ? RosterEntry.From(student, state) : null;

    /// <summary>What to send with the commit, or null when nothing advisors see changed.</summary>
    public static RosterWrite? Change(StudentKey student, RosterEntry? before, StudentState after)
    {
        if (!Keeps(student))
        {
            return null;
        }

        var entry = RosterEntry.From(student, after);
        return entry == before ? null : new RosterWrite(student, entry, after.UpdatedAt.ToUnixTimeMilliseconds());
    }

    /// <summary>
    /// Queues the write on <paramref name="batch"/> (the turn's commit batch). A failure is logged, never thrown: the
    /// turn is saved, and the roster is put right by the student's next change or a rebuild.
    /// </summary>
    public async Task SendAlongAsync(IDatabaseAsync batch, RosterWrite write)
    {
        try
        {
            await SendAsync(batch, write);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            RosterLog.WriteFailed(logger, write.Student.Channel, e);
        }
    }

    private Task<RedisResult> SendAsync(IDatabaseAsync db, RosterWrite write) =>
        db.ScriptEvaluateAsync(RosterScripts.Upsert, RosterKeys.FixedKeys(RosterKeys.ShardOf(write.Student)), Arguments(write, Token(write.Student.ToString())));

    /// <summary>Writes the entry of a saved record (the rebuild, an advisor's edit); an older record never replaces a newer entry.</summary>
    public Task WriteAsync(StudentKey student, StudentState state) =>
        Keeps(student) ? SendAsync(redis.GetDatabase(), new RosterWrite(student, RosterEntry.From(student, state), state.UpdatedAt.ToUnixTimeMilliseconds())) : Task.CompletedTask;

    /// <summary>
    /// The commit that <paramref name="write"/> went along with failed (the turn's lease ran out): put back the entry of
    /// the record as saved, unless a later write has replaced this one already.
    /// </summary>
    public async Task RepairAsync(RosterWrite write)
    {
        try
        {
            var saved = await directory.ReadStateAsync(write.Student);
            var shard = RosterKeys.ShardOf(write.Student);
            var args = saved is null
                ? [write.Student.ToString(), write.UpdatedMs, string.Empty]
                : Arguments(new RosterWrite(write.Student, RosterEntry.From(write.Student, saved), saved.UpdatedAt.ToUnixTimeMilliseconds()), write.UpdatedMs.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await redis.GetDatabase().ScriptEvaluateAsync(RosterScripts.Repair, RosterKeys.FixedKeys(shard), args);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // A rebuild puts it right; the turn itself is not affected.
            RosterLog.RepairFailed(logger, write.Student.Channel, e);
        }
    }

    /// <summary>/delete: the student leaves every roster key, and a write still on its way cannot bring them back.</summary>
    public Task EraseAsync(StudentKey student, CancellationToken cancellationToken) =>
        Keeps(student) ? RemoveAsync(student, time.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)) : Task.CompletedTask;

    /// <summary>A student whose record is gone (expired after the retention period): out of the roster, no tombstone.</summary>
    public Task ForgetAsync(StudentKey student) => RemoveAsync(student, string.Empty);

    private Task<RedisResult> RemoveAsync(StudentKey student, string tombstone) =>
        redis.GetDatabase().ScriptEvaluateAsync(RosterScripts.Remove, RosterKeys.FixedKeys(RosterKeys.ShardOf(student)), [student.ToString(), tombstone, Token(student.ToString())]);

    /// <summary>The entry as stored: sealed like the records, bound to its shard and student.</summary>
    public static string Context(StudentKey student) => RosterKeys.Prefix(RosterKeys.ShardOf(student)) + "sum/" + student;

    /// <summary>The script's arguments; <paramref name="guard"/>: the student's tombstone token (upsert) or the save time to repair.</summary>
    private RedisValue[] Arguments(RosterWrite write, string guard)
    {
        var e = write.Entry;
        var tokens = RosterCodec.WordTokens(e.Name, Token);
        var args = new List<RedisValue>
        {
            write.Student.ToString(),
            guard,
            cipher.Seal(RosterCodec.Encode(e, write.UpdatedMs), Context(write.Student)),
            write.UpdatedMs,
            (int)e.Stage,
            RosterCodec.Score(RosterCodec.DeadlineScore(e.Deadline)),
            // No name-derived score: an order-preserving number would be the name's letters in a dump. RosterSearch sorts by
            // name from the decrypted entries instead.
            RosterCodec.Score(0),
            RosterCodec.Score(RosterCodec.SortScore(e.School)),
            e.ArcExpiry is { } expiry ? RosterCodec.Score(RosterCodec.MonthScore(expiry)) : string.Empty,
            e.Active.ToUnixTimeSeconds(),
            e.Channel,
            e.Language,
            e.ProgrammeCode ?? string.Empty,
            e.School ?? string.Empty,
            e.WithAdvisor ? "1" : "0",
            RosterCodec.EncodeMeta(e, write.UpdatedMs, tokens),
        };
        args.AddRange(tokens.Select(w => (RedisValue)w));
        return [.. args];
    }
}
