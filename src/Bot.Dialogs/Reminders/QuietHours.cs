namespace Bot.Dialogs.Reminders;

/// <summary>No pushes between 22:00 and 08:00 Taiwan time: students should not be woken by a bot.</summary>
public static class QuietHours
{
    public static readonly TimeOnly Start = new(22, 0);
    public static readonly TimeOnly End = new(8, 0);

    public static bool IsQuiet(DateTimeOffset instant)
    {
        var time = TimeOnly.FromDateTime(TaipeiTime.ToTaipei(instant).DateTime);
        return time >= Start || time < End;
    }

    /// <summary>The same instant when a push is allowed then, otherwise the next 08:00 in Taipei.</summary>
    public static DateTimeOffset NextAllowed(DateTimeOffset instant)
    {
        if (!IsQuiet(instant))
        {
            return instant;
        }

        var local = TaipeiTime.ToTaipei(instant);
        var date = DateOnly.FromDateTime(local.DateTime);
        var morning = TimeOnly.FromDateTime(local.DateTime) >= Start ? date.AddDays(1) : date;
        return TaipeiTime.At(morning, End);
    }
}
