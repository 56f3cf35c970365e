using System.Globalization;
using Bot.Dialogs.Cases;
using Bot.Dialogs.Messages;

namespace Bot.Dialogs.Conversation;

/// <summary>Case events and answers written in words, in either language ("I paid", 「已核准」, "yes", "today").</summary>
internal static class CaseWords
{
    /// <summary>The event a sentence reports, in any language (<c>words.event.*</c>). Order matters: the card-ready (receipt) e-mail's title also says 審核通過 and 已繳費.</summary>
    private static readonly CaseEvent[] Order =
        [CaseEvent.NotApproved, CaseEvent.CardReady, CaseEvent.Collected, CaseEvent.MoreDocuments, CaseEvent.Paid, CaseEvent.Approved, CaseEvent.EmailArrived];

    public static CaseEvent? Event(string text) =>
        Order.Where(e => Words.Default.Mentions($"words.event.{e}", text)).Select(e => (CaseEvent?)e).FirstOrDefault();

    public static bool? YesNo(string text) =>
        Words.Default.Is("words.yes", text) ? true : Words.Default.Is("words.no", text) ? false : null;

    /// <summary>A day the student reports: "today" or yyyy-MM-dd, not in the future and not before <paramref name="notBefore"/>.</summary>
    public static bool TryReadDate(string text, DateOnly today, DateOnly? notBefore, out DateOnly date)
    {
        if (Words.Default.Is("words.today", text))
        {
            date = today;
            return true;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            && date <= today
            && (notBefore is not { } earliest || date >= earliest);
    }
}
