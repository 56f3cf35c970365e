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
    /// <summary>
    /// The whole extension application, as in the tests' walkthrough, up to the receipt number. Every document slot is passed
    /// with "next" (as many as the dialog has); the build fails loudly if the steps no longer end in a submitted application.
    /// </summary>
    public static readonly Step[] FullApplication = BuildFullApplication();

    private static Step[] BuildFullApplication()
    {
        List<Step> steps =
        [
            Say("hello"), Press("lang:en"), Press("v:ext"),
            Press("nav:skip"), Press("v:two"), Say("nguyen"), Say("van an"), Press("v:VN"), Say("2001-09-23"),
            Press("v:m"), Say("c1234567"), Say("+84 912 345 678"), Press("nav:skip"), Say("an.nguyen@example.com"),
            Press("go:next"), Press("go:next"), Press("go:next"),
            Say("A800000005"), Press("v:master"), Press("v:studying"), Say("國立臺灣大學"), Press("v:registered"), Press("v:1"), Press("v:no"), Press("v:no"),
        ];
        while (Phase(steps) == "Documents")
        {
            steps.Add(Press("go:next"));
        }

        steps.AddRange(
        [
            Say("2031-05-31"), Say("2027-01-31"), Press("v:bachelor"), Say("國立臺灣大學"), Say("2"), Press("v:single"), Say("0912345678"),
            Press("v:TPE"), Say("大安區"), Press("nav:skip"), Press("nav:skip"), Say("羅斯福路四段"), Press("nav:skip"), Press("nav:skip"),
            Say("1號"), Say("王小明"), Press("nav:skip"), Say("02-33663366"), Press("v:TW"), Press("v:counter"), Press("v:TPE"),
            Press("rev:ok"), Say("104522736210"),
        ]);
        return Phase(steps) == "Tracking"
            ? [.. steps]
            : throw new InvalidOperationException($"The benchmark's application no longer follows the dialog: it ends in phase {Phase(steps)}.");
    }

    private static string Phase(IEnumerable<Step> steps) => StudentStateJson.Deserialize(Run(null, steps).Record).Phase;

    private static Step Say(string text) => Step.Say(text);

    private static Step Press(string data) => Step.Press(data);

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
