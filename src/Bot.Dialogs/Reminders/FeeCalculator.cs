namespace Bot.Dialogs.Reminders;

/// <summary>ARC fee amounts (the visitor surcharge is added by the first application's fee rule). Not modelled: HK/Macao scales.</summary>
public static class FeeCalculator
{
    // Validity under a year is charged as a full year, and an extension runs 3 years at most (Act Art. 22 ¶3).
    private const int MaxValidityYears = 3;

    /// <summary>Fee for a first ARC or an extension of <paramref name="validityYears"/> years.</summary>
    public static int Amount(FeeSchedule fees, StudentCategory category, int validityYears)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(validityYears, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(validityYears, MaxValidityYears);
        var perYear = category == StudentCategory.OverseasChinese ? fees.OverseasChinesePerYear : fees.PerYear;
        return perYear * validityYears;
    }

    /// <summary>Fee for a reissued card (loss, damage or data change).</summary>
    public static int ReissueAmount(FeeSchedule fees) => fees.Reissue;
}
