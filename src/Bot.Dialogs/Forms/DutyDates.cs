namespace Bot.Dialogs.Forms;

/// <summary>
/// Dates that start or end a legal duty: the day of entry (a first ARC within 30 days), the day of a move or a new
/// passport (report within 30 days), the day of a change of school (within 30 days), the end of a visitor's permitted
/// stay and of a 6-month e-ARC. Each answer comes back with its deadline, or what follows when it has passed.
/// Notices are <c>field.{fieldId}.notice.due</c> ({0} deadline, {1} days left) and <c>.late</c> ({0} deadline, {1} days late).
/// </summary>
public static class DutyDates
{
    /// <summary>Days the law gives from the day after the event (Immigration Act Art. 22 ¶2, 23-1, 31 ¶6; Regulations Art. 7).</summary>
    public const int ThirtyDays = 30;

    /// <summary>The days <see cref="Event"/> accepts.</summary>
    public static DateWindow EventWindow(DateOnly today) => new(today.AddYears(-2), today, today);

    /// <summary>The days <see cref="End"/> accepts.</summary>
    public static DateWindow EndWindow(DateOnly today) => new(today.AddYears(-1), today.AddYears(1), today);

    /// <summary>A past event that starts a <see cref="ThirtyDays"/> duty: not in the future, not over two years ago.</summary>
    public static FieldResult Event(string input, DateOnly today, string fieldId)
    {
        var result = DateRules.Parse(input, out var date);
        if (!result.IsValid)
        {
            return result;
        }

        if (date > today || date < today.AddYears(-2))
        {
            return FieldResult.Error($"field.{fieldId}.error.range");
        }

        return WithDeadline(result.Value!, date.AddDays(ThirtyDays), today, fieldId);
    }

    /// <summary>An end date still ahead (or just passed): a visitor's permitted stay, a 6-month e-ARC.</summary>
    public static FieldResult End(string input, DateOnly today, string fieldId)
    {
        var result = DateRules.Parse(input, out var date);
        if (!result.IsValid)
        {
            return result;
        }

        if (date < today.AddYears(-1) || date > today.AddYears(1))
        {
            return FieldResult.Error($"field.{fieldId}.error.range");
        }

        return WithDeadline(result.Value!, date, today, fieldId);
    }

    /// <summary>The day a duty ends for an answer already stored (yyyy-MM-dd), plus <paramref name="days"/>.</summary>
    public static DateOnly? Deadline(string? stored, int days = 0) => DateRules.Stored(stored)?.AddDays(days);

    private static FieldResult WithDeadline(string value, DateOnly deadline, DateOnly today, string fieldId)
    {
        var left = deadline.DayNumber - today.DayNumber;
        return left >= 0
            ? FieldResult.Ok(value, $"field.{fieldId}.notice.due", DateRules.Format(deadline), left)
            : FieldResult.Ok(value, $"field.{fieldId}.notice.late", DateRules.Format(deadline), -left);
    }
}
