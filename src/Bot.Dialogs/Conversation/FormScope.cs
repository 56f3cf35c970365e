using Bot.Dialogs.Forms;

namespace Bot.Dialogs.Conversation;

/// <summary>The fields a form phase walks: the steps it covers, or one answer edited from the review.</summary>
internal sealed record FormScope(FormStep[] Steps, string? HelpKey)
{
    public static readonly FormScope Registration = new([FormStep.Register], "help.Registering");

    /// <summary>The application's own page and its application data; help comes from the application.</summary>
    public static readonly FormScope Application = new([FormStep.Request, FormStep.ApplicationData], null);

    public static readonly FormScope PersonalData = new([FormStep.PersonalData], "help.FillingPersonalData");

    /// <summary>One answer changed from the review (then any follow-up it made necessary).</summary>
    public static readonly FormScope Edit = new([], "help.Editing") { IsEdit = true };

    public bool IsEdit { get; private init; }
}
