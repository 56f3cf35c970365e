using System.Text;
using System.Text.Json;
using Bot.Dialogs.Conversation;

namespace Bot.Bench.Engine;

/// <summary>What a student sends: text (or a command) or a button press.</summary>
public sealed record Step(string Value, bool IsButton)
{
    public static Step Say(string text) => new(text, false);

    public static Step Press(string data) => new(data, true);

    public Inbound ToInbound() => IsButton ? Inbound.Button(Value, "en") : Inbound.FromText(Value, "en");
}

/// <summary>Builds realistic Telegram Update JSON and runs the real dialog offline to know how many messages each turn sends.</summary>
public static class Student
{
    /// <summary>The whole extension application, as in the tests' walkthrough, up to the receipt number.</summary>
    public static readonly Step[] FullApplication =
    [
        Step.Say("hello"), Step.Press("lang:en"), Step.Press("v:ext"),
        Step.Press("nav:skip"), Step.Press("v:two"), Step.Say("nguyen"), Step.Say("van an"), Step.Press("v:VN"), Step.Say("2001-09-23"),
        Step.Press("v:m"), Step.Say("c1234567"), Step.Say("+84 912 345 678"), Step.Press("nav:skip"), Step.Say("an.nguyen@example.com"),
        Step.Press("go:next"), Step.Press("go:next"), Step.Press("go:next"),
        Step.Say("A800000005"), Step.Press("v:master"), Step.Press("v:studying"), Step.Say("國立臺灣大學"), Step.Press("v:registered"), Step.Press("v:1"), Step.Press("v:no"),
        Step.Press("go:next"),
        Step.Say("2031-05-31"), Step.Say("2027-01-31"), Step.Press("v:bachelor"), Step.Say("國立臺灣大學"), Step.Say("2"), Step.Press("v:single"), Step.Say("0912345678"),
        Step.Press("v:TPE"), Step.Say("大安區"), Step.Press("nav:skip"), Step.Press("nav:skip"), Step.Say("羅斯福路四段"), Step.Press("nav:skip"), Step.Press("nav:skip"),
        Step.Say("1號"), Step.Say("王小明"), Step.Press("nav:skip"), Step.Say("02-33663366"), Step.Press("v:TW"), Step.Press("v:counter"), Step.Press("v:TPE"),
        Step.Press("rev:ok"), Step.Say("104522736210"),
    ];

    /// <summary>Runs steps through the dialog as the host does (load, handle, save); returns the saved record and messages per step.</summary>
    public static (byte[] Record, int[] Messages, TurnResult Last) Run(byte[]? record, IEnumerable<Step> steps)
    {
        var counts = new List<int>();
        TurnResult last = new([]);
        foreach (var step in steps)
        {
            var state = record is null ? new StudentState() : StudentStateJson.Deserialize(record);
            last = new StudentConversation(state, DialogSettings.Default).Handle(step.ToInbound());
            record = StudentStateJson.Serialize(state);
            counts.Add(last.Replies.Count);
        }

        return (record ?? [], [.. counts], last);
    }

    public static long ChatId(int user) => 700_000_000L + user;

    /// <summary>An Update as Telegram sends it: a private message (with a bot_command entity) or a callback query on the bot's last message.</summary>
    public static byte[] UpdateJson(long updateId, long chat, Step step)
    {
        var from = $$"""{"id":{{chat}},"is_bot":false,"first_name":"Student","last_name":"{{chat % 1000}}","username":"student{{chat}}","language_code":"en"}""";
        var chatJson = $$"""{"id":{{chat}},"first_name":"Student","last_name":"{{chat % 1000}}","username":"student{{chat}}","type":"private"}""";
        var text = JsonSerializer.Serialize(step.Value);
        if (step.IsButton)
        {
            var message = $$"""{"message_id":{{updateId}},"from":{"id":123,"is_bot":true,"first_name":"ARC Helper","username":"arc_helper_bot"},"chat":{{chatJson}},"date":1764000000,"text":"Which one?","reply_markup":{"inline_keyboard":[[{"text":"Yes","callback_data":{{text}} }]]} }""";
            return Encoding.UTF8.GetBytes($$"""{"update_id":{{updateId}},"callback_query":{"id":"q{{updateId}}","from":{{from}},"message":{{message}},"chat_instance":"-{{chat}}","data":{{text}} } }""");
        }

        var entities = step.Value.StartsWith('/') ? $$""","entities":[{"offset":0,"length":{{step.Value.Length}},"type":"bot_command"}]""" : string.Empty;
        return Encoding.UTF8.GetBytes($$"""{"update_id":{{updateId}},"message":{"message_id":{{updateId}},"from":{{from}},"chat":{{chatJson}},"date":1764000000,"text":{{text}}{{entities}} } }""");
    }
}
