using Bot.Dialogs.Applications;
using Bot.Dialogs.Cases;
using Bot.Dialogs.Forms;
using Bot.Dialogs.Messages;

namespace Bot.Dialogs.Conversation;

/// <summary>
/// What the collaborators of one turn share: the student being served, the settings, the replies being written and
/// the application the student chose. A pooled conversation points it at each turn's student in turn.
/// </summary>
internal sealed class TurnContext
{
    /// <summary>What a pooled conversation points at between turns, so it keeps no student's data while idle.</summary>
    private static readonly StudentState Idle = new();

    public TurnContext(DialogSettings settings)
    {
        Settings = settings;
        Output = new ReplyBuilder(settings.Messages, () => State.Language);
    }

    public DialogSettings Settings { get; }

    public ReplyBuilder Output { get; }

    public StudentState State { get; private set; } = Idle;

    public Language Language => State.Language;

    /// <summary>The application being prepared (the extension for records from before there was a choice).</summary>
    public ApplicationDefinition Application => ApplicationCatalogue.For(State.ApplicationKind);

    public DateOnly Today => Settings.TodayInTaiwan();

    public DateTimeOffset Now => Settings.Time.GetUtcNow();

    /// <summary>What validators and field conditions see (made once per turn).</summary>
    public FieldContext Fields => fields ??= new(Today, State, Settings.Schools);

    public CaseProgress Case => State.Case ?? CaseProgress.None;

    private FieldContext? fields;

    /// <summary>This turn's message can be deleted and was never stored (<see cref="Inbound.Deletable"/>).</summary>
    public bool InboundDeletable { get; set; }

    public void Begin(StudentState state)
    {
        State = state;
        fields = null;
        InboundDeletable = false;
        Output.Clear();
    }

    public void End() => Begin(Idle);

    public string T(string key) => Output.T(key);

    public string F(string key, params object?[] args) => Output.F(key, args);

    public void UpdateCase(Func<CaseProgress, CaseProgress> change) => State.Case = change(Case);

    /// <summary>"Step 5 of 9 · Extension request": the application names its own page.</summary>
    public string StepHeader(FormStep step) =>
        F("progress.step", (int)step, (int)FormStep.Review, T(step == FormStep.Request ? Application.RequestKey : $"step.{step}"));

    /// <summary>"3 days left", "today", "2 days ago".</summary>
    public string Countdown(DateOnly date)
    {
        var days = date.DayNumber - Today.DayNumber;
        return days switch
        {
            > 0 => F("case.countdown.left", days),
            0 => T("case.countdown.today"),
            _ => F("case.countdown.passed", -days),
        };
    }

    /// <summary>Telegram shows about 30 characters of a button; LINE allows 20 in a quick-reply label.</summary>
    public static string Shorten(string label) => label.Length <= 48 ? label : label[..47] + "…";

    /// <summary>Words that mean "next", in any language the bot speaks.</summary>
    public static bool IsNextWord(string text) => Words.Default.Is("words.next", text);
}
