namespace Bot.Dialogs.Conversation;

/// <summary>Values of <see cref="StudentState.Advisor"/>: the student is writing a question, or an advisor has taken over the chat.</summary>
public static class AdvisorTalk
{
    /// <summary>The student pressed "ask an advisor"; their next message is the question.</summary>
    public const string Composing = "ask";

    /// <summary>An advisor is talking with the student; the bot forwards and stays quiet until the advisor hands back.</summary>
    public const string Talking = "talk";

    /// <summary>Commands only advisors may use; a student who sends one is told so politely.</summary>
    public static readonly IReadOnlySet<string> AdvisorCommands = new HashSet<string>(StringComparer.Ordinal) { "broadcast", "stats" };
}
