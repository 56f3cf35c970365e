using Bot.Host.Advisors;

namespace Bot.Host.Broadcasts;

/// <summary>
/// Who receives a broadcast; every criterion left empty means "everyone". <see cref="Stage"/> is a
/// <see cref="CaseStep"/> name or one of "notsubmitted", "submitted", "notpaid", "overdue". Resolved on the roster
/// (<see cref="Roster.RosterQuery"/>), never by reading records.
/// </summary>
public sealed record AudienceFilter(string? Stage = null, string? ExpiryMonth = null, string? Programme = null, string? Language = null, string? Channel = null, string? School = null)
{
    /// <summary>Channels a broadcast can reach (the web "try the bot" chat is not one).</summary>
    public static readonly IReadOnlyList<string> BroadcastChannels = ["tg", "line"];

    /// <summary>The roster query of this audience, within the schools an advisor may reach (null: all).</summary>
    public Roster.RosterQuery ToQuery(IReadOnlyCollection<string>? scope) =>
        new(Stage: Stage, Channel: Channel, Language: Language, Programme: Programme, ExpiryMonth: ExpiryMonth, School: School, Scope: scope);

    /// <summary>
    /// Reads "stage=notpaid channel=line lang=en programme=X school=ntu expiry=2026-03 at=2026-12-01T09:00 urgent=yes text…"
    /// as typed in chat. <c>urgent=yes</c> sends at night too (otherwise a broadcast waits for 08:00 Taiwan time).
    /// </summary>
    public static (AudienceFilter Filter, DateTimeOffset? At, string Text) ParseCommand(string arguments) =>
        ParseCommand(arguments, out _);

    public static (AudienceFilter Filter, DateTimeOffset? At, string Text) ParseCommand(string arguments, out bool urgent)
    {
        var filter = new AudienceFilter();
        DateTimeOffset? at = null;
        urgent = false;
        var rest = arguments.TrimStart();
        while (true)
        {
            var space = rest.IndexOf(' ', StringComparison.Ordinal);
            var token = space < 0 ? rest : rest[..space];
            var eq = token.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                break;
            }

            var value = token[(eq + 1)..];
            switch (token[..eq].ToLowerInvariant())
            {
                case "stage": filter = filter with { Stage = value }; break;
                case "channel": filter = filter with { Channel = value }; break;
                case "lang" or "language": filter = filter with { Language = value }; break;
                case "programme" or "program": filter = filter with { Programme = value }; break;
                case "expiry": filter = filter with { ExpiryMonth = value }; break;
                case "school": filter = filter with { School = value }; break;
                case "urgent": urgent = value.ToLowerInvariant() is "yes" or "1" or "true"; break;
                case "at" when DateTimeOffset.TryParse(value.Contains('+', StringComparison.Ordinal) || value.EndsWith('Z') ? value : value + "+08:00", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var due):
                    at = due;
                    break;
                default:
                    return (filter, at, rest.Trim());
            }

            rest = space < 0 ? string.Empty : rest[(space + 1)..].TrimStart();
        }

        return (filter, at, rest.Trim());
    }

    public override string ToString()
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(Stage)) parts.Add("stage=" + Stage);
        if (!string.IsNullOrEmpty(Channel)) parts.Add("channel=" + Channel);
        if (!string.IsNullOrEmpty(Language)) parts.Add("lang=" + Language);
        if (!string.IsNullOrEmpty(Programme)) parts.Add("programme=" + Programme);
        if (!string.IsNullOrEmpty(ExpiryMonth)) parts.Add("expiry=" + ExpiryMonth);
        if (!string.IsNullOrEmpty(School)) parts.Add("school=" + School);
        return parts.Count == 0 ? "everyone" : string.Join(' ', parts);
    }
}
