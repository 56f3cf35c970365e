using System.Globalization;
using Bot.Dialogs.Cases;

namespace Bot.Dialogs.Conversation;

/// <summary>Case events and answers written in words, in either language ("I paid", 「已核准」, "yes", "today").</summary>
internal static class CaseWords
{
    /// <summary>The event a sentence reports. Order matters: the card-ready e-mail's title also says 審核通過 and 已繳費.</summary>
    public static CaseEvent? Event(string text)
    {
        static bool Has(string text, params string[] words) => words.Any(w => text.Contains(w, StringComparison.Ordinal));

        text = text.ToLowerInvariant();
        if (Has(text, "not approved", "rejected", "denied", "駁回", "不予許可", "沒通過", "未通過", "不通過"))
        {
            return CaseEvent.NotApproved;
        }

        // The guide calls the e-mail after payment the receipt e-mail (收據): it means the card is made.
        if (Has(text, "card ready", "card is ready", "製證完成", "可以領", "receipt e-mail", "receipt email", "receipt mail", "收到收據", "收據通知", "收據的信"))
        {
            return CaseEvent.CardReady;
        }

        if (Has(text, "got the card", "got my card", "got my arc", "collected", "picked up", "已領", "領到", "拿到"))
        {
            return CaseEvent.Collected;
        }

        if (Has(text, "more documents", "missing documents", "補件", "補正", "supplement"))
        {
            return CaseEvent.MoreDocuments;
        }

        if (Has(text, "i paid", "paid", "已繳費", "繳費了", "繳完", "付款了", "已付款"))
        {
            return CaseEvent.Paid;
        }

        // The approval arrives as the payment e-mail (送件線上繳費通知).
        if (Has(text, "approved", "payment e-mail", "payment email", "pay the fee", "審核通過", "核准", "通過了", "繳費通知", "可以繳費"))
        {
            return CaseEvent.Approved;
        }

        if (Has(text, "e-mail arrived", "email arrived", "got the e-mail", "got the email", "received the e-mail", "received the email", "application received", "受理通知", "送件受理", "收到信", "收到郵件"))
        {
            return CaseEvent.EmailArrived;
        }

        return null;
    }

    public static bool? YesNo(string text) => text.ToLowerInvariant() switch
    {
        "yes" or "y" or "是" or "對" or "是的" or "僑生" => true,
        "no" or "n" or "不是" or "否" or "不" => false,
        _ => null,
    };

    /// <summary>A day the student reports: "today" or yyyy-MM-dd, not in the future and not before <paramref name="notBefore"/>.</summary>
    public static bool TryReadDate(string text, DateOnly today, DateOnly? notBefore, out DateOnly date)
    {
        if (text.ToLowerInvariant() is "today" or "今天" or "今日")
        {
            date = today;
            return true;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            && date <= today
            && (notBefore is not { } earliest || date >= earliest);
    }
}
