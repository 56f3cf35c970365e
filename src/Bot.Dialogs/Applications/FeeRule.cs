using System.Globalization;
using Bot.Dialogs.Conversation;
using Bot.Dialogs.Reminders;

namespace Bot.Dialogs.Applications;

/// <summary>How an application's fee (規費) is worked out; the amounts come from <see cref="FeeSchedule"/> (configuration).</summary>
public abstract record FeeRule
{
    /// <summary>True when 僑生 pay a different rate, so the bot asks at approval.</summary>
    public virtual bool DependsOnOverseasChinese => false;

    /// <summary>The fee for this student, as a message key and its arguments (amounts already formatted).</summary>
    public abstract FeeQuote Quote(FeeSchedule fees, StudentState state);
}

/// <summary>A fee told to the student: the amount when known, and the sentence that explains it.</summary>
public sealed record FeeQuote(int? Amount, string MessageKey, IReadOnlyList<object?> Arguments);

/// <summary>
/// An ARC, first or extended: per year of validity (under a year counts as a year), 僑生 half; people who entered
/// visa-exempt or on a visitor visa pay a fixed surcharge (Fee-Charging Standards Art. 3).
/// </summary>
public sealed record PerYearFee : FeeRule
{
    /// <summary>The answer (field "entryVisa") of students who entered visa-exempt or on a visitor visa.</summary>
    public const string VisitorEntry = "visitor";

    public override bool DependsOnOverseasChinese => true;

    public override FeeQuote Quote(FeeSchedule fees, StudentState state)
    {
        var years = ValidityRules.FeeYears(state.Answer("validity"));
        var overseasChinese = IsOverseasChinese(state) == true;
        var amount = FeeCalculator.Amount(fees, overseasChinese ? StudentCategory.OverseasChinese : StudentCategory.Foreign, years);
        var perYear = amount / years;
        if (state.Answer("entryVisa") == VisitorEntry)
        {
            return new(amount + fees.VisitorSurcharge, "case.fee.visitor",
                [Amount(amount + fees.VisitorSurcharge), years, Amount(perYear), Amount(fees.VisitorSurcharge)]);
        }

        return new(amount, overseasChinese ? "case.fee.overseasChinese" : "case.fee", [Amount(amount), years, Amount(perYear)]);
    }

    /// <summary>僑生 or not: asked in the form by some applications (the first one), else at approval; null while unknown.</summary>
    public static bool? IsOverseasChinese(StudentState state) =>
        state.Case?.OverseasChinese ?? (state.Answer("overseasChinese") is { } answer ? answer == "yes" : null);

    private static string Amount(int amount) => amount.ToString("N0", CultureInfo.InvariantCulture);
}

/// <summary>A new card for a loss, damage or a data change: one fixed fee (Fee-Charging Standards Art. 7).</summary>
public sealed record ReissueFee : FeeRule
{
    public override FeeQuote Quote(FeeSchedule fees, StudentState state) =>
        new(fees.Reissue, "case.fee.reissue", [fees.Reissue.ToString("N0", CultureInfo.InvariantCulture)]);
}

/// <summary>No source settles the fee: the student is told so, and to read the amount in NIA's payment e-mail.</summary>
public sealed record UnconfirmedFee : FeeRule
{
    public override FeeQuote Quote(FeeSchedule fees, StudentState state) => new(null, "case.fee.unconfirmed", []);
}
