using Bot.Dialogs.Applications;
using Bot.Dialogs.Conversation;
using Bot.Dialogs.Forms;
using Bot.Dialogs.Messages;

namespace Bot.Tests.Dialogs;

/// <summary>
/// Every button the dialog can show fits LINE's 20-character action label whole, in every language, so no channel has
/// to cut one. LINE counts a label in grapheme clusters ("✏️" is one character; developers.line.biz/en/docs/messaging-api/text-character-count),
/// as <see cref="ButtonLabels.Length"/> does.
/// </summary>
public sealed class ButtonLabelTests
{
    /// <summary>Catalogue keys whose texts are button labels (their own, with no placeholder).</summary>
    private static readonly string[] LabelPrefixes = ["button.", "case.button.", "case.payment.", "triage.button.", "richmenu."];

    private static readonly SchoolProfile[] TestSchools = [DialogDriver.Kaohsiung];

    public static TheoryData<string> LanguageCodes => [.. Languages.All.Select(l => l.Code())];

    [Theory]
    [MemberData(nameof(LanguageCodes))]
    public void EveryLabelInTheCataloguesAndOptionListsFits(string code)
    {
        var language = Languages.FromHint(code);
        var messages = MessageCatalogue.Default;
        var labels = new List<(string Source, string Label)>();

        labels.AddRange(messages.Keys(language)
            .Where(k => LabelPrefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal)) && !messages.Text(language, k).Contains('{', StringComparison.Ordinal))
            .Select(k => (k, messages.Text(language, k))));
        labels.AddRange(Languages.All.Select(l => ("language.name " + l.Code(), messages.Text(l, "language.name"))));

        var context = new FieldContext(new DateOnly(2026, 11, 25), new StudentState(), TestSchools);
        var marker = ButtonLabels.Length(messages.Format(language, "button.useSchool", string.Empty));
        foreach (var field in ApplicationCatalogue.All.SelectMany(a => a.Fields).DistinctBy(f => f.Id))
        {
            var options = field.OptionsFor(context)?.Options ?? [];
            labels.AddRange(options.Select(o => ($"option {field.Id}.{o.Code}", o.ButtonLabel(language))));
            if (field.Editable)
            {
                // The review's "edit an answer" buttons name the fields.
                labels.Add((field.LabelKey, messages.Text(language, field.LabelKey)));
            }

            if (field.SchoolDefault is not null)
            {
                // Any option may be a school's suggestion, shown after the school marker; and the test schools' own values.
                labels.AddRange(options.Select(o => ($"useSchool {field.Id}.{o.Code}", messages.Format(language, "button.useSchool", o.ButtonLabel(language, room: ButtonLabels.MaxLength - marker)))));
                labels.AddRange(TestSchools.Select(s => field.SchoolDefault(s)).OfType<string>()
                    .Where(v => field.OptionsFor(context)?.Match(v) is null)
                    .Select(v => ($"useSchool {field.Id}", messages.Format(language, "button.useSchool", v))));
            }
        }

        AssertAllFit(code, labels);
    }

    [Theory]
    [MemberData(nameof(LanguageCodes))]
    public void EveryLabelOnTheWayThroughAnApplicationAndItsCaseFits(string code)
    {
        var language = Languages.FromHint(code);

        // Greeting and language choice, the menu, "not sure", then the extension to its review, where every answer can be edited.
        var d = new DialogDriver().Say("hello", code).Press("lang:" + code).Press("app:unsure").Press("nav:back")
            .Press("v:ext").Register().ThroughAccountSteps().ExtensionRequest().SkipDocuments().PersonalData()
            .Press("rev:edit");
        for (var page = 1; page < 10; page++)
        {
            if (d.Buttons.Any(b => b.Data == ButtonData.Page(page)))
            {
                d.Press(ButtonData.Page(page));
            }
        }

        // Editing one answer, the review again, and the whole case with its questions, the payment methods and mute.
        d.Press("edit:station").Press("pg:1").Press("pg:2").Press("v:KHH1").Press("rev:ok").Say("104522736210")
            .Press("case:emailarrived").Press("case:approved").Press("case:today").Press("case:fc:no")
            .Press("case:paid").Press("pay:ConvenienceStore").Press("case:cardready").Press("rem:off");

        // A school's suggestions (🏫) on the way through, and the first application's own questions.
        var school = new DialogDriver(TestSchools).Say("hello", code).Press("lang:" + code).Press("v:ext").Register().ThroughAccountSteps()
            .Press("v:csu").Say("A800000005").Press("def").Press("v:studying").Press("def");
        var first = new DialogDriver().Say("hello", code).Press("lang:" + code).Press("v:first").Register().ThroughAccountSteps();

        Assert.Equal(language, d.State.Language);
        AssertAllFit(code, [.. d.LabelsSeen.Concat(school.LabelsSeen).Concat(first.LabelsSeen).Select(l => ("walk", l))]);
    }

    private static void AssertAllFit(string code, IReadOnlyList<(string Source, string Label)> labels)
    {
        Assert.NotEmpty(labels);
        var tooLong = labels.Where(l => !ButtonLabels.Fits(l.Label)).Select(l => $"{l.Source}: \"{l.Label}\" ({ButtonLabels.Length(l.Label)})").Distinct().ToList();
        Assert.True(tooLong.Count == 0, $"{code}: {tooLong.Count} labels longer than {ButtonLabels.MaxLength}:\n{string.Join('\n', tooLong)}");
    }
}
