using Bot.Dialogs.Applications;
using Bot.Dialogs.Messages;

namespace Bot.Tests.Dialogs;

public sealed class MessageCatalogueTests
{
    [Fact]
    public void EveryKeyExistsInEveryLanguage()
    {
        var catalogue = MessageCatalogue.Default;
        var all = Languages.All.SelectMany(catalogue.Keys).ToHashSet(StringComparer.Ordinal);

        foreach (var language in Languages.All)
        {
            var missing = all.Where(k => !catalogue.Has(language, k)).Order(StringComparer.Ordinal).ToList();
            Assert.True(missing.Count == 0, $"{language.Code()} lacks: {string.Join(", ", missing)}");
        }
    }

    [Fact]
    public void EveryApplicationHasItsTextsFieldsAndDocumentsInEveryLanguage()
    {
        foreach (var language in Languages.All)
        {
            foreach (var application in ApplicationCatalogue.All)
            {
                var keys = new[]
                {
                    application.NameKey, application.IntroKey, application.RequestKey, application.ScreenKey, application.OpenKey,
                    application.SubmitStepsKey, application.DocumentsTitleKey, application.HelpKey, application.LateKey,
                }
                    .Concat(application.Fields.SelectMany(f => new[] { f.AskKey, f.LabelKey }))
                    .Concat(application.Documents.SelectMany(d => d.IsPhoto ? [d.LabelKey] : d.Conditional ? new[] { d.LabelKey, d.HintKey, d.WhenKey } : [d.LabelKey, d.HintKey]))
                    .Concat(application.ChecklistNotes.Select(n => n.MessageKey))
                    .Concat(application.HasOwnDeadlineReminders ? [application.DueReminderKey, application.LateReminderKey] : []);
                Assert.All(keys, key => Assert.True(MessageCatalogue.Default.Has(language, key), $"{application.Code}, {language.Code()}: {key}"));
            }
        }
    }

    [Fact]
    public void TranslationsUseTheSamePlaceholders()
    {
        var catalogue = MessageCatalogue.Default;
        foreach (var language in Languages.All.Where(l => l != Language.English))
        {
            foreach (var key in catalogue.Keys(Language.English))
            {
                var english = Placeholders(catalogue.Text(Language.English, key));
                var translated = Placeholders(catalogue.Text(language, key));
                Assert.True(english == translated, $"{key}: en uses {english}, {language.Code()} uses {translated}");
            }
        }
    }

    [Fact]
    public void TheLanguagesAreTheCataloguesFoundEachNamedInItself()
    {
        Assert.Equal(Language.English, Languages.All[0]);
        Assert.Equal(Language.TraditionalChinese, Languages.All[1]);
        Assert.All(Languages.All, l => Assert.NotEqual("language.name", MessageCatalogue.Default.Text(l, "language.name")));
        Assert.Equal(Language.TraditionalChinese, Languages.FromHint("zh-hant"));
        Assert.Equal(Language.English, Languages.FromHint("fr"));
    }

    private static string Placeholders(string text) =>
        string.Join(',', System.Text.RegularExpressions.Regex.Matches(text, @"\{(\d+)[},]").Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal));
}
