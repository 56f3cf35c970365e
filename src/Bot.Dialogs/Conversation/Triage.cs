using Bot.Dialogs.Applications;
using Bot.Dialogs.Reminders;

namespace Bot.Dialogs.Conversation;

/// <summary>
/// For a student who does not know which application they need: their situation points to one; an ARC that has
/// already expired gets what the law says (under 30 days: a fine, then a new application; from 30 days: no form can
/// help, an order to leave) instead of an extension.
/// </summary>
internal sealed class Triage(TurnContext ctx, IConversationMoves moves)
{
    /// <summary>Kept in <see cref="StudentState.Field"/> while the bot waits for how many days ago the ARC expired.</summary>
    private const string AskingDays = "triage.expiredDays";

    private const string Prefix = "tri:";

    /// <summary>Each situation and the application it needs; "expired" needs the days first.</summary>
    private static readonly (string Situation, string? Application)[] Situations =
    [
        ("arrived", "first"),
        ("expiring", "ext"),
        ("expired", null),
        ("earc", "swap"),
        ("lost", "reissue"),
        ("moved", "change"),
        ("school", "school"),
    ];

    public void Ask()
    {
        if (ctx.State.Field == AskingDays)
        {
            AskDays();
            return;
        }

        ctx.Output.SayKey("triage.ask");
        var rows = Situations.Select(s => (IReadOnlyList<Choice>)[new Choice(ctx.T($"triage.{s.Situation}"), Prefix + s.Situation)]).ToList();
        rows.Add([new(ctx.T("button.back"), ButtonData.Back)]);
        ctx.Output.Buttons(rows);
    }

    public bool Accepts(string data) =>
        data.StartsWith(Prefix, StringComparison.Ordinal) && Situations.Any(s => s.Situation == data[Prefix.Length..])
        || (data.StartsWith(ButtonData.ValuePrefix, StringComparison.Ordinal) && ApplicationCatalogue.Find(data[ButtonData.ValuePrefix.Length..]) is not null);

    public void Press(string data)
    {
        if (data.StartsWith(ButtonData.ValuePrefix, StringComparison.Ordinal))
        {
            moves.Choose(ApplicationCatalogue.Find(data[ButtonData.ValuePrefix.Length..])!);
            return;
        }

        Situation(data[Prefix.Length..]);
    }

    public void Read(string text)
    {
        if (ctx.State.Field == AskingDays)
        {
            ReadDays(text);
            return;
        }

        if (int.TryParse(text.Trim(), out var number) && number >= 1 && number <= Situations.Length)
        {
            Situation(Situations[number - 1].Situation);
            return;
        }

        ctx.Output.SayKey("input.notAChoice");
        Ask();
    }

    private void Situation(string situation)
    {
        var application = Situations.First(s => s.Situation == situation).Application;
        if (application is null)
        {
            ctx.State.Field = AskingDays;
            AskDays();
            return;
        }

        ctx.Output.SayKey($"triage.{situation}.means");
        moves.Choose(ApplicationCatalogue.Find(application)!);
    }

    private void AskDays()
    {
        ctx.Output.SayKey("triage.expired.ask");
        ctx.Output.Buttons([[new(ctx.T("button.back"), ButtonData.Back)]]);
    }

    private void ReadDays(string text)
    {
        var digits = new string([.. text.Where(char.IsAsciiDigit)]);
        if (!int.TryParse(digits, out var days) || days is < 1 or > 3650)
        {
            ctx.Output.SayKey("triage.expired.error");
            AskDays();
            return;
        }

        ctx.State.Field = null;
        var fine = OverstayFineCalculator.Calculate(days, ctx.Today);
        var amount = TaipeiTime.FormatAmount(fine.Amount);
        var halved = TaipeiTime.FormatAmount(fine.HalvedAmount ?? fine.Amount);
        if (fine.MustLeave)
        {
            // No form can fix this: the law, the people to call, and an advisor.
            ctx.Output.SayKey("triage.expired.thirtyOrMore", days, amount, halved);
            ctx.Output.Buttons([
                [new(ctx.T("button.askAdvisor"), ButtonData.AskAdvisor)],
                [new(ctx.T("button.backToMenu"), ButtonData.Back)],
            ]);
            return;
        }

        ctx.Output.SayKey("triage.expired.underThirty", days, amount, halved);
        ctx.Output.Buttons([
            [new(ctx.T("triage.button.newApplication"), ButtonData.Value("first"))],
            [new(ctx.T("button.askAdvisor"), ButtonData.AskAdvisor)],
            [new(ctx.T("button.backToMenu"), ButtonData.Back)],
        ]);
    }

    /// <summary>Back from the days question goes to the situations; from there, to the menu.</summary>
    public bool CanGoBack => ctx.State.Field == AskingDays;

    public void GoBack()
    {
        ctx.State.Field = null;
        Ask();
    }
}
