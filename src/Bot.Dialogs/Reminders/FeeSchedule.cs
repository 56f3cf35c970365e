namespace Bot.Dialogs.Reminders;

/// <summary>ARC fees in NT$ (Fee-Charging Standards for Entry, Exit and Immigration Documents, Art. 3 and 7); the host binds real values from configuration.</summary>
/// <param name="PerYear">ARC or extension, per year of validity.</param>
/// <param name="OverseasChinesePerYear">Overseas-Chinese students (僑生) pay half.</param>
/// <param name="Reissue">Reissue for loss, damage or a data change.</param>
/// <param name="VisitorSurcharge">Added for people who entered visa-exempt or on a visitor visa and change to residence in Taiwan.</param>
public sealed record FeeSchedule(int PerYear = 1000, int OverseasChinesePerYear = 500, int Reissue = 500, int VisitorSurcharge = 2200);
