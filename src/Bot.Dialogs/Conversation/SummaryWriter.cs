using Bot.Dialogs.Forms;

namespace Bot.Dialogs.Conversation;

/// <summary>The copy-ready summary: one message per NIA screen, in the site's order, each value tap-to-copy beside its Chinese label.</summary>
internal sealed class SummaryWriter(TurnContext ctx, ReviewDesk review, DocumentCollector documents)
{
    public void Write()
    {
        ctx.Output.SayKey("summary.intro").Flush();
        var application = ctx.Application;
        var context = ctx.Fields;
        foreach (var screen in application.Screens)
        {
            var fields = application.Fields.Where(f => f.Screen == screen && review.IsShown(f, context)).ToList();
            if (fields.Count == 0 && !(screen == NiaScreen.ApplicationData && application.Qualification is not null))
            {
                continue;
            }

            var title = screen == NiaScreen.Request ? ctx.T(application.ScreenKey) : ctx.T($"screen.{screen}");
            var lines = new List<string> { "【" + title + "】" };
            if (screen == NiaScreen.Registration && ctx.State.Answer("nameLines") == "one")
            {
                lines.Add(ctx.T("summary.oneNameLine"));
            }

            foreach (var field in fields)
            {
                var value = ctx.State.Answer(field.Id);
                lines.Add(value is null ? $"{field.NiaLabel}: —" : $"{field.NiaLabel}: {Reply.Copyable(FieldText.Nia(field, value, context))}");
            }

            lines.AddRange(Extras(screen, context));
            ctx.Output.Say(string.Join('\n', lines)).Flush();
        }

        ctx.Output.Say(documents.Checklist()).Flush();
    }

    /// <summary>What a screen needs beyond its fields: the whole address in one line, the auto-filled qualification, the station's address.</summary>
    private IEnumerable<string> Extras(NiaScreen screen, FieldContext context)
    {
        var application = ctx.Application;
        if (screen == NiaScreen.Address && application.Find("city") is not null)
        {
            var full = string.Concat(CommonFields.AddressParts.Select(p => FieldText.Nia(application.Get(p), ctx.State.Answer(p) ?? string.Empty, context)));
            yield return ctx.F("summary.fullAddress", Reply.Copyable(full));
        }

        if (screen == NiaScreen.ApplicationData && application.Qualification is { } qualification)
        {
            yield return "申請資格: " + Reply.Copyable(qualification);
        }

        if (screen == NiaScreen.Pickup && ServiceStations.All.FirstOrDefault(s => s.Code == ctx.State.Answer("station")) is { } station)
        {
            yield return ctx.F("summary.station", station.Address, station.Phone);
        }
    }
}
