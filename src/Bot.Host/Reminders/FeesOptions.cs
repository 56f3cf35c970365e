using System.ComponentModel.DataAnnotations;
using Bot.Dialogs.Reminders;

namespace Bot.Host.Reminders;

/// <summary>The <c>Fees</c> section: ARC fees in NT$ (they change by regulation, not by release).</summary>
public sealed class FeesOptions
{
    public const string Section = "Fees";

    [Range(1, 100_000)]
    public int PerYear { get; set; } = 1000;

    [Range(1, 100_000)]
    public int OverseasChinesePerYear { get; set; } = 500;

    [Range(1, 100_000)]
    public int Reissue { get; set; } = 500;

    /// <summary>Added to a first ARC for people who entered visa-exempt or on a visitor visa.</summary>
    [Range(1, 100_000)]
    public int VisitorSurcharge { get; set; } = 2200;

    public FeeSchedule ToSchedule() => new(PerYear, OverseasChinesePerYear, Reissue, VisitorSurcharge);
}
