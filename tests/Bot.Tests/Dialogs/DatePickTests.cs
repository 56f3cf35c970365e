using Bot.Dialogs.Applications;
using Bot.Dialogs.Conversation;
using Bot.Dialogs.Forms;

namespace Bot.Tests.Dialogs;

/// <summary>Date questions carry a picker window (for LINE's date picker) that matches what their rule accepts.</summary>
public sealed class DatePickTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Fact]
    public void EveryDateFieldHasAWindowWhoseEndsAndStartTheRuleAccepts()
    {
        var context = new FieldContext(Today, new StudentState(), []);
        // A date field is one whose rule answers "not a date" with the date format message.
        var dateFields = ApplicationCatalogue.All.SelectMany(a => a.Fields).DistinctBy(f => f.Id)
            .Where(f => f.Read?.Invoke("not a date", context).ErrorKey == "field.date.error.format")
            .ToList();

        Assert.Equal(
            ["arcExpiry", "birthDate", "changeDate", "eArcExpiry", "entryDate", "passportExpiry", "schoolChangeDate", "stayUntil"],
            dateFields.Select(f => f.Id).Order(StringComparer.Ordinal));
        foreach (var field in dateFields)
        {
            var window = Assert.IsType<DateWindow>(field.DateWindow?.Invoke(Today));
            Assert.True(window.Earliest < window.Latest && window.Contains(window.Initial), $"{field.Id}: {window}");
            foreach (var date in new[] { window.Earliest, window.Initial, window.Latest })
            {
                var result = field.Read!(DateRules.Format(date), context);
                // An answer that stops the application (an ARC already expired) is still a date the rule read.
                Assert.True(result.IsValid || result.Stops, $"{field.Id} refuses {date} of its own window: {result.ErrorKey}");
            }
        }
    }

    [Fact]
    public void TheBirthDateQuestionOffersAPickerInTheStudentsLanguage()
    {
        var d = new DialogDriver().ToRegistration("Tiếng Việt").Press("nav:skip").Press("v:two").Say("nguyen").Say("van an").Press("v:VN");

        var pick = Assert.IsType<DatePick>(d.Last.Replies[^1].DatePick);
        Assert.Equal("📅 Chọn ngày", pick.Label);
        Assert.Equal(new DateOnly(2006, 11, 25), pick.Initial);
        Assert.Equal((new DateOnly(1936, 11, 25), new DateOnly(2021, 11, 25)), (pick.Earliest, pick.Latest));
        Assert.All(d.Last.Replies.SkipLast(1), r => Assert.Null(r.DatePick));
    }

    [Fact]
    public void EditingADateOpensThePickerOnTheCurrentAnswer()
    {
        var d = new DialogDriver().ToReview().Press("rev:edit").Press("edit:birthDate");

        Assert.Equal(new DateOnly(2001, 9, 23), d.Last.Replies[^1].DatePick?.Initial);
    }

    [Fact]
    public void TheApprovalDayIsPickedBetweenTheSubmissionAndToday()
    {
        var d = new DialogDriver().ToReview().Press("rev:ok").Say("104522736210").Press("case:emailarrived");
        d.Time.Advance(TimeSpan.FromDays(3));
        d.Press("case:approved");

        var pick = Assert.IsType<DatePick>(d.Last.Replies[^1].DatePick);
        Assert.Equal((new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 28), new DateOnly(2026, 11, 28)), (pick.Earliest, pick.Latest, pick.Initial));

        d.Say("2026-11-27");
        Assert.Equal(new DateOnly(2026, 11, 27), d.State.Case?.ApprovedOn);
    }
}
