using Bot.Dialogs.Conversation;
using Bot.Dialogs.Forms;

namespace Bot.Dialogs.Applications;

/// <summary>
/// One item of the NIA menu 線上申辦 as data: its fields in the NIA's order (registration, its own request page,
/// the application data and the personal data form), its document slots, its fee, its filing deadline and how the
/// card is delivered. The dialog walks any definition the same way; its texts are <c>app.{Code}.*</c> in the
/// catalogues (Messages/Applications/{Code}.*.json).
/// </summary>
public sealed record ApplicationDefinition
{
    private readonly IReadOnlyList<FieldSpec> fields = [];
    private readonly Dictionary<string, FieldSpec> byId = new(StringComparer.Ordinal);

    /// <param name="code">Stored in the student's record and in button data: never rename one.</param>
    /// <param name="menuItem">The NIA menu's own words, which the student clicks.</param>
    public ApplicationDefinition(string code, string menuItem)
    {
        Code = code;
        MenuItem = menuItem;
    }

    public string Code { get; }

    public string MenuItem { get; }

    /// <summary>Every field in the NIA's order; field ids are unique within an application.</summary>
    public required IReadOnlyList<FieldSpec> Fields
    {
        get => fields;
        init
        {
            fields = value;
            foreach (var spec in value)
            {
                if (!byId.TryAdd(spec.Id, spec))
                {
                    throw new ArgumentException($"Application {Code} lists field {spec.Id} twice.", nameof(value));
                }
            }
        }
    }

    /// <summary>The photo and the documents (應檢附文件) in the order the NIA page lists them.</summary>
    public required IReadOnlyList<DocumentSlot> Documents { get; init; }

    /// <summary>Lines the documents checklist adds when they apply (e.g. the exchange student's school letter).</summary>
    public IReadOnlyList<ChecklistNote> ChecklistNotes { get; init; } = [];

    public required FeeRule Fee { get; init; }

    /// <summary>The last day to file, from the answers (e.g. 30 days after entry); null when the law sets none.</summary>
    public Func<StudentState, DateOnly?>? FilingDue { get; init; }

    /// <summary>A filing deadline with reminders of its own (<see cref="DueReminderKey"/>); the extension's are the ARC expiry's.</summary>
    public bool HasOwnDeadlineReminders => FilingDue is not null && !RenewsResidence;

    /// <summary>How the student gets the result: a card at a service station, or a 6-month e-ARC to download.</summary>
    public Func<StudentState, CardDelivery> Delivery { get; init; } = static _ => CardDelivery.Station;

    /// <summary>True when filing it deals with the current ARC's expiry (the extension): its expiry reminders then stop.</summary>
    public bool RenewsResidence { get; init; }

    /// <summary>申請資格 as the NIA fills it in on the application data page; null when the page has none.</summary>
    public string? Qualification { get; init; } = "外國及外僑學生進入臺灣地區就學";

    /// <summary>The summary's screens in the site's order.</summary>
    public IReadOnlyList<NiaScreen> Screens { get; init; } =
        [NiaScreen.Registration, NiaScreen.Request, NiaScreen.ApplicationData, NiaScreen.Applicant, NiaScreen.Address, NiaScreen.Contact, NiaScreen.Pickup];

    public FieldSpec? Find(string? id) => id is not null && byId.TryGetValue(id, out var field) ? field : null;

    public FieldSpec Get(string id) => byId[id];

    /// <summary>What the student is told on choosing it: what it is for, its deadline and the duties that come with it.</summary>
    public string IntroKey => $"app.{Code}.intro";

    /// <summary>The bot's name for it, beside the NIA's menu words.</summary>
    public string NameKey => $"app.{Code}.name";

    /// <summary>The title of step 5, the application's own page.</summary>
    public string RequestKey => $"app.{Code}.request";

    /// <summary>The summary's title for the application's own page.</summary>
    public string ScreenKey => $"app.{Code}.screen";

    /// <summary>Where to click after logging in.</summary>
    public string OpenKey => $"app.{Code}.open";

    /// <summary>The NIA pages to fill, in order, before 送出.</summary>
    public string SubmitStepsKey => $"app.{Code}.submitSteps";

    public string DocumentsTitleKey => $"app.{Code}.documents";

    public string HelpKey => $"app.{Code}.help";

    /// <summary>Said when the filing deadline has passed: what follows (a fine) and that the bot still helps.</summary>
    public string LateKey => $"app.{Code}.late";

    /// <summary>Reminder before the filing deadline: {0} the deadline, {1} days left.</summary>
    public string DueReminderKey => $"app.{Code}.reminder.due";

    /// <summary>Reminder the day after the filing deadline: {0} the deadline.</summary>
    public string LateReminderKey => $"app.{Code}.reminder.late";
}

/// <summary>How the result of an application reaches the student.</summary>
public enum CardDelivery
{
    /// <summary>An IC card collected at the chosen service station with the receipt (and the old card, if any).</summary>
    Station,

    /// <summary>A 6-month electronic ARC, downloaded and printed from 下載專區 (first application before school registration).</summary>
    Electronic,
}

/// <summary>A checklist line shown when <see cref="AppliesWhen"/> holds.</summary>
public sealed record ChecklistNote(string MessageKey, Func<StudentState, bool> AppliesWhen);
