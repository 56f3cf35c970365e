using System.Globalization;
using System.Text.RegularExpressions;

namespace Bot.Dialogs.Forms;

/// <summary>Dates in the AD (西元) calendar the NIA form uses, written year first so day/month cannot be swapped.</summary>
public static partial class DateRules
{
    [GeneratedRegex(@"^(\d{4})[-/.年\s]?(\d{1,2})[-/.月\s]?(\d{1,2})日?$")]
    private static partial Regex YearFirst();

    [GeneratedRegex(@"^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}$")]
    private static partial Regex DayOrMonthFirst();

    public static bool TryParse(string input, out DateOnly date)
    {
        date = default;
        var text = input.Trim();
        var match = YearFirst().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var year = int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups[2].ValueSpan, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups[3].ValueSpan, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Clamp(year, 1, 9999), month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A stored answer (always yyyy-MM-dd) as a date; null when absent.</summary>
    public static DateOnly? Stored(string? answer) =>
        DateOnly.TryParseExact(answer, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static FieldResult Parse(string input, out DateOnly date)
    {
        if (TryParse(input, out date))
        {
            return FieldResult.Ok(Format(date));
        }

        // 23/09/2001 or 09/23/2001: ambiguous, so ask for year first instead of guessing.
        var key = DayOrMonthFirst().IsMatch(input.Trim()) ? "field.date.error.order" : "field.date.error.format";
        if (int.TryParse(input.Trim().AsSpan(0, Math.Min(3, input.Trim().Length)), out var small) && small is > 0 and < 200 && input.Trim().Length <= 9)
        {
            // 90/01/15: a Minguo (ROC) year; the NIA form wants AD.
            key = "field.date.error.minguo";
        }

        return FieldResult.Error(key);
    }

    /// <summary>Ages 5 to 90, as <see cref="BirthDate"/> accepts.</summary>
    public static DateWindow BirthDateWindow(DateOnly today) => new(today.AddYears(-90), today.AddYears(-5), today.AddYears(-20));

    /// <summary>Tomorrow to 11 years ahead, as <see cref="PassportExpiry"/> accepts.</summary>
    public static DateWindow PassportExpiryWindow(DateOnly today) => new(today.AddDays(1), today.AddYears(11), today.AddYears(5));

    /// <summary>A year ago to 4 years ahead, as <see cref="ArcExpiry"/> accepts.</summary>
    public static DateWindow ArcExpiryWindow(DateOnly today) => new(today.AddYears(-1), today.AddYears(4), today);

    public static FieldResult BirthDate(string input, DateOnly today)
    {
        var result = Parse(input, out var date);
        if (!result.IsValid)
        {
            return result;
        }

        var age = today.Year - date.Year - (today < date.AddYears(today.Year - date.Year) ? 1 : 0);
        return age is >= 5 and <= 90 ? result : FieldResult.Error("field.birthDate.error.range");
    }

    /// <summary>Passport expiry: must be after today; a passport expiring within 6 months still passes, with a warning.</summary>
    public static FieldResult PassportExpiry(string input, DateOnly today)
    {
        var result = Parse(input, out var date);
        if (!result.IsValid)
        {
            return result;
        }

        if (date <= today)
        {
            return FieldResult.Error("field.passportExpiry.error.expired");
        }

        if (date > today.AddYears(11))
        {
            return FieldResult.Error("field.passportExpiry.error.far");
        }

        return date < today.AddMonths(6) ? FieldResult.Ok(result.Value!, "field.passportExpiry.notice.soon", result.Value) : result;
    }

    /// <summary>The ARC's expiry: an extension can be filed from 3 months before it; after it the student overstays.</summary>
    public static FieldResult ArcExpiry(string input, DateOnly today)
    {
        var result = Parse(input, out var date);
        if (!result.IsValid)
        {
            return result;
        }

        if (date < today.AddYears(-1) || date > today.AddYears(4))
        {
            return FieldResult.Error("field.arcExpiry.error.range");
        }

        if (date < today)
        {
            // Overstaying: under 30 days the fine, then a new application; from 30 days an order to leave (Act Art. 31 ¶3, 36 ¶2(6)).
            var fine = Reminders.OverstayFineCalculator.Calculate(date, today)!;
            return FieldResult.Stop(
                fine.MustLeave ? "triage.expired.thirtyOrMore" : "triage.expired.underThirty",
                fine.DaysOverdue,
                Reminders.TaipeiTime.FormatAmount(fine.Amount),
                Reminders.TaipeiTime.FormatAmount(fine.HalvedAmount ?? fine.Amount));
        }

        if (date == today)
        {
            return FieldResult.Ok(result.Value!, "field.arcExpiry.notice.today");
        }

        var earliest = date.AddMonths(-3);
        return earliest > today
            ? FieldResult.Ok(result.Value!, "field.arcExpiry.notice.tooEarly", Format(earliest))
            : FieldResult.Ok(result.Value!, "field.arcExpiry.notice.window", Format(date));
    }
}
