using Bot.Dialogs.Conversation;

namespace Bot.Dialogs.Forms;

/// <summary>The steps of the NIA process as the bot walks them ("step 5 of 9"); the same for every application.</summary>
public enum FormStep
{
    ChooseApplication = 1,
    Register = 2,
    VerifyEmail = 3,
    LogIn = 4,

    /// <summary>The application's own first page (延期申請, 首次申請, 補發申請…): its title comes from the application.</summary>
    Request = 5,
    ApplicationData = 6,
    Documents = 7,
    PersonalData = 8,
    Review = 9,
}

/// <summary>The NIA screen a field belongs to, which orders the copy-ready summary.</summary>
public enum NiaScreen
{
    Registration,

    /// <summary>The application's own first page; its title comes from the application (<c>app.{code}.screen</c>).</summary>
    Request,
    ApplicationData,
    Applicant,
    Address,
    Contact,
    Pickup,
    /// <summary>Asked by the bot for its own use (reminders, which documents apply); not typed on the NIA site.</summary>
    BotOnly,
}

/// <summary>
/// One question. Its texts are <c>field.{Id}.ask</c> and <c>field.{Id}.label</c> in the catalogues.
/// <see cref="Read"/> validates typed text; choice fields read their <see cref="Options"/> instead.
/// </summary>
public sealed record FieldSpec(string Id, FormStep Step, NiaScreen Screen, string NiaLabel)
{
    public bool Optional { get; init; }

    public Func<string, FieldContext, FieldResult>? Read { get; init; }

    public OptionSet? Options { get; init; }

    /// <summary>When false the field is not asked (e.g. given names when the passport has one name line).</summary>
    public Func<FieldContext, bool> AppliesWhen { get; init; } = static _ => true;

    /// <summary>A value the school profile suggests, offered as a one-tap button.</summary>
    public Func<SchoolProfile, string?>? SchoolDefault { get; init; }

    /// <summary>Typed text that is not one of <see cref="Options"/> is accepted through <see cref="Read"/> (e.g. any nationality).</summary>
    public bool AllowsOtherText { get; init; }

    /// <summary>Runs after a valid answer is stored: fills the fields it implies (one-line names, the school address).</summary>
    public Action<StudentState, string, FieldContext>? OnAnswered { get; init; }

    /// <summary>Options that depend on configuration (the schools); wins over <see cref="Options"/>.</summary>
    public Func<FieldContext, OptionSet?>? OptionsFrom { get; init; }

    public OptionSet? OptionsFor(FieldContext context) => OptionsFrom?.Invoke(context) ?? Options;

    /// <summary>The question; an application may ask a shared field its own way (e.g. the expiry of a lost card).</summary>
    public string AskKey { get; init; } = $"field.{Id}.ask";

    public string LabelKey { get; init; } = $"field.{Id}.label";

    /// <summary>Helper answers that are only a means to another (which name format, copy the school's address) are not reviewed.</summary>
    public bool Reviewed { get; init; } = true;

    /// <summary>False for answers filled by another one (the full name splits into surname and given names).</summary>
    public bool Editable { get; init; } = true;

    /// <summary>A date field's window from today, for channels with a date picker (<see cref="DateRules"/> has one beside each rule).</summary>
    public Func<DateOnly, DateWindow>? DateWindow { get; init; }
}
