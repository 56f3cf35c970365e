using System.Text.RegularExpressions;
using Bot.Dialogs.Cases;
using Bot.Dialogs.Reminders;
using Xunit;

namespace Bot.Tests.Reminders;

public sealed partial class ReminderMessagesTests
{
    private static readonly Dictionary<string, string> English = EmbeddedJson.Read<Dictionary<string, string>>("Messages.reminders.en.json");
    private static readonly Dictionary<string, string> Chinese = EmbeddedJson.Read<Dictionary<string, string>>("Messages.reminders.zh-TW.json");

    [Fact]
    public void BothLanguagesHaveTheSameKeys() =>
        Assert.Equal(English.Keys.Order(StringComparer.Ordinal), Chinese.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void EveryKeyConstantHasATextAndEveryTextAConstant() =>
        Assert.Equal(ReminderMessageKeys.All.Order(StringComparer.Ordinal), English.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void BothLanguagesUseTheSamePlaceholders() =>
        Assert.All(English, pair => Assert.Equal(Placeholders(pair.Value), Placeholders(Chinese[pair.Key])));

    [Fact]
    public void TextsFormatWithThePlannersArguments()
    {
        var timeline = new StudentCase
        {
            Progress = new() { SubmittedAt = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8)), ApprovedOn = new DateOnly(2026, 3, 5) },
            ArcExpiry = new DateOnly(2026, 6, 30),
        };
        var reminders = ReminderPlanner.Plan(timeline, new DateTimeOffset(2026, 3, 5, 9, 0, 0, TimeSpan.FromHours(8)));

        Assert.All(reminders, r =>
        {
            var catalogue = Bot.Dialogs.Messages.MessageCatalogue.Default;
            foreach (var language in catalogue.Languages)
            {
                var text = catalogue.Format(language, r.MessageKey, [.. r.Arguments]);
                Assert.DoesNotContain("{", text, StringComparison.Ordinal);
                Assert.All(r.Arguments, argument => Assert.Contains(argument, text, StringComparison.Ordinal));
            }
        });
    }

    private static string[] Placeholders(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)[},]")]
    private static partial Regex Placeholder();
}
