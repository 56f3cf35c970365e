using System.Globalization;
using System.Text.Json.Nodes;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Line;

/// <summary>Date questions on LINE: the datetime picker among the quick replies, and the picked date read as if typed.</summary>
[Collection(RedisCollection.Name)]
public sealed class LineDatePickerTests(RedisFixture redis) : IAsyncLifetime
{
    private LineHarness line = null!;

    public async Task InitializeAsync() => line = await LineHarness.StartAsync(redis);

    public async Task DisposeAsync() => await line.DisposeAsync();

    [Fact]
    public async Task ADatePickedInThePickerAnswersTheBirthDateQuestionAsIfTyped()
    {
        var user = line.NewUser("en");
        await line.SendAsync(user, line.Platform.Follow(user));
        var question = await line.StepsAsync(user, "lang:en", "v:ext", "nav:skip", "v:two", "nguyen", "van an", "v:VN");

        // The birth date question: the picker first, opening 20 years back, offering ages 5 to 90 (as the rule accepts).
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var items = question[^1].Message["quickReply"]!["items"]!.AsArray();
        var picker = items[0]!["action"]!;
        Assert.Equal("datetimepicker", (string?)picker["type"]);
        Assert.Equal("date", (string?)picker["mode"]);
        Assert.Equal("📅 Pick a date", (string?)picker["label"]);
        Assert.Equal(Format(today.AddYears(-20)), (string?)picker["initial"]);
        Assert.Equal(Format(today.AddYears(-90)), (string?)picker["min"]);
        Assert.Equal(Format(today.AddYears(-5)), (string?)picker["max"]);
        Assert.Contains(items, i => (string?)i!["action"]!["data"] == "nav:back");

        var answer = await line.SendAsync(user, line.Platform.DatePicked(user, "2001-09-23"));

        Assert.Contains("✓ Date of birth: 2001-09-23", answer[0].Text, StringComparison.Ordinal);
        Assert.Contains("性別", answer[^1].Text, StringComparison.Ordinal);
        Assert.Equal("2001-09-23", (await line.RecordAsync(user)).Answer("birthDate"));
        Assert.Empty(line.Platform.Violations);
    }

    [Fact]
    public async Task TheEntryDateOfAFirstApplicationIsPickedAndItsDeadlineCountedFromIt()
    {
        var user = line.NewUser("en");
        await line.SendAsync(user, line.Platform.Follow(user));
        await line.StepsAsync(user, "lang:en", "v:first", "nav:skip", "v:two", "nguyen", "van an", "v:VN");
        await line.SendAsync(user, line.Platform.DatePicked(user, "2001-09-23"));
        var entryQuestion = await line.StepsAsync(user, "v:m", "c1234567", "+84 912 345 678", "nav:skip", "an.nguyen@example.com", "go:next", "go:next", "go:next");

        // Entry: within the last two years, up to today.
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var picker = entryQuestion[^1].Message["quickReply"]!["items"]![0]!["action"]!;
        Assert.Equal(Format(today), (string?)picker["max"]);
        Assert.Equal(Format(today.AddYears(-2)), (string?)picker["min"]);

        var entered = today.AddDays(-3);
        var answer = await line.SendAsync(user, line.Platform.DatePicked(user, Format(entered)));

        Assert.Contains("File by " + Format(entered.AddDays(30)), string.Join('\n', answer.Select(m => m.Text)), StringComparison.Ordinal);
        Assert.Equal(Format(entered), (await line.RecordAsync(user)).Answer("entryDate"));
        Assert.Empty(line.Platform.Violations);
    }

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
