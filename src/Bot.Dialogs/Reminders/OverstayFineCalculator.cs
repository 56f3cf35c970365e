namespace Bot.Dialogs.Reminders;

/// <summary>Overstay fines from the dated tables in Data/overstay-fines.json.</summary>
public static class OverstayFineCalculator
{
    private static readonly OverstayFineFile Data = Load();

    /// <summary>Days overdue: the expiry date is the last legal day, so the day after it is 1; 0 while not overstaying.</summary>
    public static int DaysOverdue(DateOnly expiry, DateOnly today) => Math.Max(0, today.DayNumber - expiry.DayNumber);

    /// <summary>The fine for someone whose ARC expired on <paramref name="expiry"/>, assessed on <paramref name="today"/>; null while not overstaying.</summary>
    public static OverstayFine? Calculate(DateOnly expiry, DateOnly today)
    {
        var days = DaysOverdue(expiry, today);
        return days == 0 ? null : Calculate(days, today);
    }

    /// <summary>The fine for <paramref name="daysOverdue"/> days.</summary>
    /// <param name="offenceDate">The day the overstay is assessed (today while it goes on, or its last day). Overstaying is a continuing offence, so the table in force on that day applies.</param>
    public static OverstayFine Calculate(int daysOverdue, DateOnly offenceDate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(daysOverdue, 1);
        var rules = Data.RuleSets.LastOrDefault(r => r.EffectiveFrom <= offenceDate)
            ?? throw new ArgumentOutOfRangeException(nameof(offenceDate), offenceDate, "No overstay rule set covers this date.");
        var amount = rules.Brackets.First(b => b.MaxDays is null || daysOverdue <= b.MaxDays).Amount;
        var consequences = Data.Consequences;
        return new OverstayFine(
            daysOverdue,
            amount,
            rules.Id,
            rules.EffectiveFrom,
            rules.LegalMinimum,
            rules.LegalMaximum,
            rules.Sources,
            rules.SelfReportHalving,
            rules.SelfReportHalving ? amount / 2 : null,
            daysOverdue >= consequences.MustLeaveFromDays,
            consequences.LeaveWithinDays,
            consequences.EntryBanMinYears,
            consequences.EntryBanMaxYears);
    }

    private static OverstayFineFile Load()
    {
        var file = EmbeddedJson.Read<OverstayFineFile>("Reminders.Data.overstay-fines.json");
        // Lookups above rely on rule sets by date and brackets by days, whatever order the file lists them in.
        var ruleSets = file.RuleSets
            .OrderBy(r => r.EffectiveFrom)
            .Select(r => r with { Brackets = [.. r.Brackets.OrderBy(b => b.MaxDays ?? int.MaxValue)] })
            .ToList();
        return file with { RuleSets = ruleSets };
    }
}
