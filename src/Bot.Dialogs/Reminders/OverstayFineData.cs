namespace Bot.Dialogs.Reminders;

// Shapes of Data/overstay-fines.json.
internal sealed record OverstayFineFile(IReadOnlyList<OverstayRuleSet> RuleSets, OverstayConsequences Consequences);

internal sealed record OverstayRuleSet(
    string Id,
    DateOnly EffectiveFrom,
    int LegalMinimum,
    int LegalMaximum,
    bool SelfReportHalving,
    IReadOnlyList<OverstayFineBracket> Brackets,
    IReadOnlyList<string> Sources);

/// <param name="MaxDays">Last day overdue the amount applies to; null for the open-ended top bracket.</param>
internal sealed record OverstayFineBracket(int? MaxDays, int Amount);

internal sealed record OverstayConsequences(int MustLeaveFromDays, int LeaveWithinDays, int EntryBanMinYears, int EntryBanMaxYears);
