using Bot.Dialogs.Forms;
using Bot.Dialogs.Printing;

namespace Bot.Dialogs.Conversation;

/// <summary>
/// The copy-ready summary: one message per NIA screen, in the site's order, each value tap-to-copy beside its Chinese
/// label; and the same as a printable PDF (<see cref="SummaryPdf"/>) for students who fill the form on a computer or
/// bring it to their advisor.
/// </summary>
internal sealed class SummaryWriter(TurnContext ctx, ReviewDesk review, DocumentCollector documents)
{
    public void Write()
    {
        var summary = Build();
        ctx.Output.SayKey("summary.intro").Flush();
        foreach (var section in summary.Sections)
        {
            var lines = new List<string> { "【" + section.Title + "】" };
            lines.AddRange(section.Lines.Select(l => l.Value is null ? $"{l.Label}: —" : l.Copyable ? $"{l.Label}: {Reply.Copyable(l.Value)}" : $"{l.Label}: {l.Value}"));
            lines.AddRange(section.Notes);
            ctx.Output.SayPage(string.Join('\n', lines), section);
        }

        ctx.Output.Say(summary.Checklist).Flush();
    }

    /// <summary>The summary as a PDF file, or a note that this host cannot draw one (no CJK font installed).</summary>
    public void WritePdf()
    {
        var summary = Build();
        if (SummaryPdf.Render(summary) is { } pdf)
        {
            ctx.Output.File(new ReplyFile(SummaryPdf.FileName, SummaryPdf.ContentType, pdf), ctx.T("summary.pdf"), printable: summary);
        }
        else
        {
            ctx.Output.SayKey("summary.pdf.unavailable");
        }
    }

    /// <summary>What both renderings show, in the NIA's screen order.</summary>
    public ApplicationSummary Build()
    {
        var application = ctx.Application;
        var context = ctx.Fields;
        var sections = new List<SummarySection>();
        foreach (var screen in application.Screens)
        {
            var fields = application.Fields.Where(f => f.Screen == screen && review.IsShown(f, context)).ToList();
            if (fields.Count == 0 && !(screen == NiaScreen.ApplicationData && application.Qualification is not null))
            {
                continue;
            }

            var title = screen == NiaScreen.Request ? ctx.T(application.ScreenKey) : ctx.T($"screen.{screen}");
            var lines = fields.Select(f => ctx.State.Answer(f.Id) is { } value
                ? new SummaryLine(f.NiaLabel, FieldText.Nia(f, value, context))
                : new SummaryLine(f.NiaLabel, null)).ToList();
            var notes = new List<string>();
            Extras(screen, context, lines, notes);
            sections.Add(new SummarySection(title, lines, notes));
        }

        var name = string.Join(' ', new[] { ctx.State.Answer("surname"), ctx.State.Answer("givenNames") }.Where(n => n is not null));
        return new ApplicationSummary(application.MenuItem, name, ctx.State.ReceiptNumber, sections, documents.Checklist());
    }

    /// <summary>What a screen needs beyond its fields: the name rule, the whole address in one line, the auto-filled qualification, the station's address.</summary>
    private void Extras(NiaScreen screen, FieldContext context, List<SummaryLine> lines, List<string> notes)
    {
        var application = ctx.Application;
        if (screen == NiaScreen.Registration && ctx.State.Answer("nameLines") == "one")
        {
            notes.Add(ctx.T("summary.oneNameLine"));
        }

        if (screen == NiaScreen.Address && application.Find("city") is not null)
        {
            var full = string.Concat(CommonFields.AddressParts.Select(p => FieldText.Nia(application.Get(p), ctx.State.Answer(p) ?? string.Empty, context)));
            lines.Add(new SummaryLine(ctx.T("summary.fullAddressLabel"), full));
        }

        if (screen == NiaScreen.ApplicationData && application.Qualification is { } qualification)
        {
            lines.Add(new SummaryLine("申請資格", qualification));
        }

        if (screen == NiaScreen.Pickup && ServiceStations.All.FirstOrDefault(s => s.Code == ctx.State.Answer("station")) is { } station)
        {
            notes.Add(ctx.F("summary.station", station.Address, station.Phone));
        }
    }
}
