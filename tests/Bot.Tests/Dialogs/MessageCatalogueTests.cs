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
    public void PlaceholdersAreNamedAndEveryNameIsListedForItsKeyInArgumentsJson()
    {
        var folder = RepositoryFiles.PathOf("src/Bot.Dialogs/Messages");
        var arguments = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string[]>>(File.ReadAllText(Path.Combine(folder, "arguments.json")))!;
        var english = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Where(f => !f.EndsWith("arguments.json", StringComparison.Ordinal)))
        {
            var texts = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file))!;
            foreach (var (key, text) in texts)
            {
                Assert.False(System.Text.RegularExpressions.Regex.IsMatch(text, @"\{\d+[},]"), $"{Path.GetFileName(file)} {key} has a numbered placeholder: name it.");
                Assert.All(Names(text), name => Assert.Contains(name, arguments.GetValueOrDefault(key) ?? []));
                if (file.EndsWith(".en.json", StringComparison.Ordinal))
                {
                    english[key] = text;
                }
            }
        }

        // Every listed key exists, and its names are distinct (a value may go unused, e.g. a halved fine a text leaves out).
        Assert.All(arguments, pair => Assert.True(english.ContainsKey(pair.Key) && pair.Value.Distinct().Count() == pair.Value.Length, pair.Key));
    }

    [Fact]
    public void NamedPlaceholdersTakeTheValuesInTheOrderArgumentsJsonGivesNotTheOrderTheyAppearIn()
    {
        var catalogue = MessageCatalogue.Default;

        // arguments.json: days, fine, halvedFine, expiredOn; the text names expiredOn first.
        Assert.StartsWith("Your ARC expired on 2026-11-01: you are now 1 day overdue.", catalogue.Format(Language.English, "reminder.overstay.underThirty", 1, "10,000", "5,000", "2026-11-01"), StringComparison.Ordinal);
        Assert.StartsWith("您的居留證已於 2026-11-01 到期，目前逾期 15 天。", catalogue.Format(Language.TraditionalChinese, "reminder.overstay.underThirty", 15, "20,000", "10,000", "2026-11-01"), StringComparison.Ordinal);
        Assert.StartsWith("Fee: NT$1,000 (1 year × NT$1,000 per year", catalogue.Format(Language.English, "case.fee", "1,000", 1, "1,000"), StringComparison.Ordinal);
        Assert.Contains("3 years", catalogue.Format(Language.English, "case.fee", "3,000", 3, "1,000"), StringComparison.Ordinal);
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

    private static string[] Names(string text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text, @"\{([A-Za-z][A-Za-z0-9]*)[},]").Select(m => m.Groups[1].Value).Distinct()];

    private static string Placeholders(string text) =>
        string.Join(',', System.Text.RegularExpressions.Regex.Matches(text, @"\{(\d+)[},]").Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal));
}
