using System.Reflection;
using System.Text.Json;
using Bot.Dialogs.Uploads;
using Xunit;

namespace Bot.Tests.Uploads;

public sealed class UploadMessagesTests
{
    private static Dictionary<string, string> Load(string culture)
    {
        var assembly = typeof(UploadMessageKeys).Assembly;
        using var stream = assembly.GetManifestResourceStream($"Bot.Dialogs.Messages.uploads.{culture}.json")
            ?? throw new InvalidOperationException($"uploads.{culture}.json is not embedded");
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!;
    }

    [Fact]
    public void EnglishAndChineseHaveTheSameKeys()
    {
        Assert.Equal(Load("en").Keys.Order(), Load("zh-TW").Keys.Order());
    }

    [Fact]
    public void EveryKeyConstantHasATextInBothLanguages()
    {
        var keys = typeof(UploadMessageKeys).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        keys.AddRange(Enum.GetValues<PhotoProblem>().Select(UploadMessageKeys.For));
        keys.AddRange(Enum.GetValues<DocumentProblem>().Select(UploadMessageKeys.For));

        foreach (var culture in new[] { "en", "zh-TW" })
        {
            var texts = Load(culture);
            Assert.All(keys, k => Assert.False(string.IsNullOrWhiteSpace(texts.GetValueOrDefault(k)), $"{culture}: {k}"));
        }
    }

}
