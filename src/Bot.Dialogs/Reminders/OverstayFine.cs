namespace Bot.Dialogs.Reminders;

/// <summary>The fine NIA's table gives for an overstay, with the rule set it came from and what follows.</summary>
/// <param name="DaysOverdue">Days after the ARC expiry date (the expiry date itself is the last legal day, so the next day is 1).</param>
/// <param name="Amount">NT$ from NIA's day-bracket table.</param>
/// <param name="RuleSetId">Id of the rule set in Data/overstay-fines.json.</param>
/// <param name="RuleSetEffectiveFrom">First day that rule set applies.</param>
/// <param name="LegalMinimum">Lower end of the statutory range (the Act sets only the range; the brackets are NIA's table).</param>
/// <param name="LegalMaximum">Upper end of the statutory range.</param>
/// <param name="Sources">Where the table and its date come from.</param>
/// <param name="SelfReportHalvingPossible">From 2025-10-01 NIA MAY halve the fine for someone who reports before being caught, leaves voluntarily and pays; it is discretionary and aimed at leavers.</param>
/// <param name="HalvedAmount">The amount if that discretionary halving is granted; null when the rule set has no halving.</param>
/// <param name="MustLeave">30 days or more: NIA may order departure within <paramref name="LeaveWithinDays"/> days and refuse entry for 1–7 years; under 30 the student pays and files a NEW residence application (not an extension).</param>
/// <param name="LeaveWithinDays">Days NIA gives to leave when it orders departure.</param>
/// <param name="EntryBanMinYears">Shortest entry/residence refusal after an order to leave.</param>
/// <param name="EntryBanMaxYears">Longest entry/residence refusal after an order to leave.</param>
public sealed record OverstayFine(
    int DaysOverdue,
    int Amount,
    string RuleSetId,
    DateOnly RuleSetEffectiveFrom,
    int LegalMinimum,
    int LegalMaximum,
    IReadOnlyList<string> Sources,
    bool SelfReportHalvingPossible,
    int? HalvedAmount,
    bool MustLeave,
    int LeaveWithinDays,
    int EntryBanMinYears,
    int EntryBanMaxYears)
{
    /// <summary>Under 30 days the way back is a new residence application after paying the fine.</summary>
    public bool NeedsNewResidenceApplication => !MustLeave;
}
