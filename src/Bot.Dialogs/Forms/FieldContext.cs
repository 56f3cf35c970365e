using Bot.Dialogs.Conversation;

namespace Bot.Dialogs.Forms;

/// <summary>What a validator may look at: today's date in Taiwan and the answers so far.</summary>
public sealed record FieldContext(DateOnly Today, StudentState State, IReadOnlyList<SchoolProfile> Schools)
{
    /// <summary>The school the student said they attend, whose profile supplies defaults.</summary>
    public SchoolProfile? School => Schools.FirstOrDefault(s => s.Id == State.Answer("schoolId"));

    public static OptionSet? SchoolOptions(FieldContext context) => context.Schools.Count == 0
        ? null
        : new OptionSet("school", [.. context.Schools.Select(s => new Option(s.Id, s.Name, s.Name)), new Option("other", "其他學校", "Another school")]);
}
