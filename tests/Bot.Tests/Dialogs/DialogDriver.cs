using Bot.Dialogs.Conversation;
using Bot.Dialogs.Forms;
using Bot.Dialogs.Messages;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Dialogs;

/// <summary>
/// Talks to the real dialog the way a host does: load the saved record, handle one inbound, save it again
/// (through JSON, so every test also proves the state survives a restart), on a conversation from a pool,
/// as the host does (so every turn after the first runs on a reused machine).
/// </summary>
internal sealed class DialogDriver
{
    public static readonly SchoolProfile Kaohsiung = new(
        "csu",
        "正修科技大學",
        Unit: "正修科技大學產學合作專班",
        Address: new SchoolAddress("高雄市", "鳥松區", "澄清路", "840號"),
        ContactName: "楊瓊綾",
        ContactPhone: "07-7358800*2253",
        DefaultProgramme: "產學合作專班",
        NearestStation: "高雄市第一服務站");

    private readonly List<string> transcript = [];
    private readonly List<string> labels = [];
    private byte[] saved = [];

    public DialogDriver(IReadOnlyList<SchoolProfile>? schools = null, DateTimeOffset? now = null)
    {
        Time = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero));
        Settings = new DialogSettings(schools ?? [], Time, MessageCatalogue.Default);
        Pool = new ConversationPool(Settings);
    }

    public FakeTimeProvider Time { get; }

    public DialogSettings Settings { get; }

    /// <summary>Drivers made with <see cref="Beside"/> share it (several students served by the same machines).</summary>
    public ConversationPool Pool { get; }

    /// <summary>Another student on the same settings and pool.</summary>
    public DialogDriver Beside() => new(this);

    private DialogDriver(DialogDriver other)
    {
        Time = other.Time;
        Settings = other.Settings;
        Pool = other.Pool;
    }

    public TurnResult Last { get; private set; } = new([]);

    /// <summary>Every message is sent as a channel that keeps it in memory and can delete it (Telegram polling) sends it.</summary>
    public bool Deletable { get; set; }

    public StudentState State => saved.Length == 0 ? new StudentState() : StudentStateJson.Deserialize(saved);

    public int SavedBytes => saved.Length;

    /// <summary>All text of the last turn, copy markers removed.</summary>
    public string Text => string.Join("\n---\n", Last.Replies.Select(r => r.PlainText));

    public IEnumerable<Choice> Buttons => Last.Replies.SelectMany(r => r.Buttons ?? []).SelectMany(row => row);

    /// <summary>Everything this student was shown so far, turn after turn: every reply's text and every button's label.</summary>
    public string Transcript => string.Join("\n", transcript);

    /// <summary>Every button label this student was shown so far.</summary>
    public IReadOnlyList<string> LabelsSeen => labels;

    public DialogDriver Send(Inbound inbound)
    {
        inbound = Deletable ? inbound with { Deletable = true } : inbound;
        var conversation = Pool.Rent(State);
        Last = conversation.Handle(inbound);
        transcript.AddRange(Last.Replies.Select(r => r.PlainText).Concat(Buttons.Select(b => b.Label)));
        labels.AddRange(Buttons.Select(b => b.Label));
        saved = StudentStateJson.Serialize(conversation.Record);
        Pool.Return(conversation);
        return this;
    }

    public DialogDriver Say(string text, string? languageHint = "en") => Send(Inbound.FromText(text, languageHint));

    /// <summary>Presses a button the last turn offered (as a student can); fails if it was not on screen.</summary>
    public DialogDriver Press(string data)
    {
        if (!Buttons.Any(b => b.Data == data))
        {
            throw new Xunit.Sdk.XunitException($"The last turn offered no button '{data}': {string.Join(" | ", Buttons.Select(b => b.Data))}\n{Text}");
        }

        return Send(Inbound.Button(data));
    }

    /// <summary>Sends a button press from an older message, which a student can still tap.</summary>
    public DialogDriver PressStale(string data) => Send(Inbound.Button(data));

    /// <summary>Presses the button whose label contains the text; fails if the last turn offered none.</summary>
    public DialogDriver Tap(string labelPart)
    {
        var button = Buttons.FirstOrDefault(b => b.Label.Contains(labelPart, StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"No button containing '{labelPart}' in: {string.Join(" | ", Buttons.Select(b => b.Label))}\n{Text}");
        return Press(button.Data);
    }

    public string? Answer(string field) => State.Answer(field);
}
