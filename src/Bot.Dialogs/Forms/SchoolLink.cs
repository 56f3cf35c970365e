using Bot.Dialogs.Conversation;

namespace Bot.Dialogs.Forms;

/// <summary>
/// A school's own way into the bot: a link carrying the school's id as its start payload (Telegram's
/// t.me/&lt;bot&gt;?start=&lt;id&gt;, printed as a QR code on orientation slides; a LINE URL parameter could carry it too).
/// The student's school is then preselected, so its defaults are offered from the first question that uses it.
/// </summary>
public static class SchoolLink
{
    /// <summary>Telegram's start parameter: 1–64 characters of A–Z, a–z, 0–9, _ and -.</summary>
    public const int MaxLength = 64;

    /// <summary>The payload of the bot's own "open the private chat" link from a group: no school may use it.</summary>
    public const string GroupPayload = "group";

    public static bool IsValidCode(string code) =>
        code.Length is > 0 and <= MaxLength && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    /// <summary>
    /// Sets the student's school from <paramref name="payload"/> when it names a configured school and the student has not
    /// chosen one yet (an explicit choice is never overridden); anything else is ignored, and the start is a normal one.
    /// </summary>
    internal static void Preselect(StudentState state, IReadOnlyList<SchoolProfile> schools, string? payload)
    {
        if (payload is null || state.Answer(CommonFields.SchoolProfile.Id) is not null)
        {
            return;
        }

        if (schools.FirstOrDefault(s => string.Equals(s.Id, payload, StringComparison.OrdinalIgnoreCase)) is { } school)
        {
            state.Answers[CommonFields.SchoolProfile.Id] = school.Id;
        }
    }
}
