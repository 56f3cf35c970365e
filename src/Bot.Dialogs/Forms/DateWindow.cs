namespace Bot.Dialogs.Forms;

/// <summary>
/// The dates a date field accepts, counted from today in Taiwan: what a date picker offers, opening on
/// <see cref="Initial"/>. Beside each rule in <see cref="DateRules"/> and <see cref="DutyDates"/>; the rule still decides.
/// </summary>
public sealed record DateWindow(DateOnly Earliest, DateOnly Latest, DateOnly Initial)
{
    public bool Contains(DateOnly date) => date >= Earliest && date <= Latest;
}
