using System.Text;
using Bot.Dialogs.Cases;
using Bot.Dialogs.Conversation;
using Bot.Dialogs.Reminders;

namespace Bot.Tests.Dialogs;

/// <summary>What a collected case keeps once its personal data expires: exactly what its reminders need.</summary>
public sealed class CollectedCaseRetentionTests
{
    private static DialogDriver Collected() =>
        new DialogDriver().ToRegistration().Register().ThroughAccountSteps().ExtensionRequest().SkipDocuments().PersonalData()
            .Press("rev:ok").Say("104522736210").Press("case:approved").Press("case:today").Press("case:fc:no")
            .Press("case:paid").Press("pay:WebAtm").Press("case:cardready").Press("case:collected");

    [Fact]
    public void TheStrippedRecordHoldsNoNameOrPassportAndPlansTheSameReminders()
    {
        var d = Collected();
        var full = d.State;
        var stripped = d.State;
        Assert.True(CollectedCaseRetention.HoldsPersonalData(full));

        CollectedCaseRetention.KeepForReminders(stripped);

        var before = Text(full);
        var json = Text(stripped);
        foreach (var personal in new[] { "NGUYEN", "VAN AN", "C1234567", "2001-09-23", "an.nguyen@example.com", "王小明", "羅斯福路" })
        {
            Assert.Contains(personal, before, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(personal, json, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("2027-01-31", json, StringComparison.Ordinal);
        Assert.False(CollectedCaseRetention.HoldsPersonalData(stripped));
        Assert.Equal(StudentCase.Of(full), StudentCase.Of(stripped));

        // Next year's reminders, and every other, are planned as before: a year on, the same ones.
        foreach (var later in new[] { TimeSpan.Zero, TimeSpan.FromDays(31), TimeSpan.FromDays(300) })
        {
            var now = d.Time.GetUtcNow() + later;
            Assert.Equal(
                ReminderPlanner.Plan(StudentCase.Of(full), now).Select(r => (r.DedupKey, r.DueAt)),
                ReminderPlanner.Plan(StudentCase.Of(stripped), now).Select(r => (r.DedupKey, r.DueAt)));
        }
    }

    /// <summary>The stored JSON as text, escapes (\u738B) decoded.</summary>
    private static string Text(StudentState state) => System.Text.RegularExpressions.Regex.Unescape(Encoding.UTF8.GetString(StudentStateJson.Serialize(state)));

    [Fact]
    public void OnlyACollectedCaseExpiresAndItsTimeCountsFromCollection()
    {
        var d = Collected();
        var collectedAt = d.State.Case!.CollectedAt!.Value;

        Assert.Equal(collectedAt + TimeSpan.FromDays(30), CollectedCaseRetention.ExpiresAt(d.State, TimeSpan.FromDays(30)));
        var paidOnly = new DialogDriver().ToRegistration().Register().ThroughAccountSteps().ExtensionRequest().SkipDocuments().PersonalData()
            .Press("rev:ok").Say("104522736210").Press("case:approved").Press("case:today").Press("case:fc:no").Press("case:paid").Press("pay:WebAtm");
        Assert.Null(CollectedCaseRetention.ExpiresAt(paidOnly.State, TimeSpan.FromDays(30)));
    }
}
