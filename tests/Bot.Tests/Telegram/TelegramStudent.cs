using Bot.Tests.Infrastructure;

namespace Bot.Tests.Telegram;

/// <summary>A student typing and tapping in their private chat with the bot, through the fake Bot API.</summary>
internal sealed class TelegramStudent(FakeTelegramServer telegram, long userId, string languageCode = "en")
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public long UserId => userId;

    public IReadOnlyList<BotCall> Transcript => telegram.Transcript(userId);

    /// <summary>The text of the bot's messages since the student's last action.</summary>
    public string LastAnswer { get; private set; } = string.Empty;

    public Task<TelegramStudent> Say(string text) => Act(() => telegram.EnqueueText(userId, text, languageCode));

    /// <summary>Taps the button with this callback data on the newest message that shows it.</summary>
    public Task<TelegramStudent> Press(string data)
    {
        var message = Transcript.LastOrDefault(c => c.CallbackData.Contains(data))
            ?? throw new Xunit.Sdk.XunitException($"No message offers button {data}. Last answer:\n{LastAnswer}");
        return Act(() => telegram.EnqueueCallback(userId, message.MessageId!.Value, data, languageCode));
    }

    public Task<TelegramStudent> Send(Func<FakeTelegramServer, long, long> enqueue) => Act(() => enqueue(telegram, userId));

    /// <summary>Queues the update and waits until the bot has handled it (the offset moves past an update only then).</summary>
    private async Task<TelegramStudent> Act(Func<long> enqueue)
    {
        var before = Transcript.Count;
        var updateId = enqueue();
        await telegram.WaitUntilAsync(t => t.ConfirmedOffset > updateId, Patience);
        LastAnswer = string.Join("\n---\n", Transcript.Skip(before).Where(c => c.Text is not null).Select(c => c.Text));
        return this;
    }
}

internal static class TelegramStudentSteps
{
    public static async Task<TelegramStudent> Then(this Task<TelegramStudent> student, Func<TelegramStudent, Task<TelegramStudent>> next) =>
        await next(await student);

    public static Task<TelegramStudent> Say(this Task<TelegramStudent> student, string text) => student.Then(s => s.Say(text));

    public static Task<TelegramStudent> Press(this Task<TelegramStudent> student, string data) => student.Then(s => s.Press(data));

    /// <summary>The same answers as the dialog walkthrough, through Telegram.</summary>
    public static Task<TelegramStudent> Register(this Task<TelegramStudent> s, string surname) => s
        .Press("nav:skip").Press("v:two").Say(surname).Say("van an").Press("v:VN").Say("2001-09-23").Press("v:m")
        .Say("c1234567").Say("+84 912 345 678").Press("nav:skip").Say("an.nguyen@example.com");

    public static Task<TelegramStudent> FormAfterRegistration(this Task<TelegramStudent> s) => s
        .Press("go:next").Press("go:next").Press("go:next")
        .Say("A800000005").Press("v:master").Press("v:studying").Say("國立臺灣大學").Press("v:registered").Press("v:1").Press("v:no").Press("v:no")
        .Press("go:next").Press("go:next").Press("go:next").Press("go:next").Press("go:next")
        .Say("2031-05-31").Say("2027-01-31").Press("v:bachelor").Say("國立臺灣大學").Say("2").Press("v:single").Say("0912345678")
        .Press("v:TPE").Say("大安區").Press("nav:skip").Press("nav:skip").Say("羅斯福路四段").Press("nav:skip").Press("nav:skip").Say("1號")
        .Say("王小明").Press("nav:skip").Say("02-33663366").Press("v:TW").Press("v:counter").Press("v:TPE");
}
