using System.Text.RegularExpressions;
using Bot.Dialogs.Messages;
using Bot.Dialogs.Cases;
using Bot.Dialogs.Reminders;

namespace Bot.Tests.Dialogs;

public sealed partial class TrackingMessagesTests
{
    private static readonly Dictionary<string, string> English = EmbeddedJson.Read<Dictionary<string, string>>("Messages.tracking.en.json");
    private static readonly Dictionary<string, string> Chinese = EmbeddedJson.Read<Dictionary<string, string>>("Messages.tracking.zh-TW.json");

    [Fact]
    public void BothLanguagesHaveTheSameKeys() =>
        Assert.Equal(English.Keys.Order(StringComparer.Ordinal), Chinese.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void BothLanguagesUseTheSamePlaceholders() =>
        Assert.All(English, pair => Assert.Equal(Placeholders(pair.Value), Placeholders(Chinese[pair.Key])));

    [Fact]
    public void EveryStageEventAndPaymentChannelHasATextInBothLanguages()
    {
        var keys = Enum.GetValues<CaseStage>().Select(s => $"case.stage.{s}")
            .Concat(Enum.GetValues<PaymentMethod>().Select(m => $"case.payment.{m}"))
            .Concat(Enum.GetValues<CaseEvent>().SelectMany(e => new[] { $"case.event.{e}", $"case.button.{e}" }));

        Assert.All(keys, key => Assert.All(Languages.All, language => Assert.True(MessageCatalogue.Default.Has(language, key), $"{key} ({language})")));
    }

    private static string[] Placeholders(string text) =>
        [.. PlaceholderPattern().Matches(text).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)[},]")]
    private static partial Regex PlaceholderPattern();
}
