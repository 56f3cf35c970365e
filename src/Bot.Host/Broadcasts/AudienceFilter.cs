using Bot.Host.Advisors;

namespace Bot.Host.Broadcasts;

/// <summary>
/// Who receives a broadcast; every criterion left empty means "everyone". <see cref="Stage"/> is a
/// <see cref="CaseStep"/> name or one of "notsubmitted", "submitted", "notpaid".
/// </summary>
public sealed record AudienceFilter(string? Stage = null, string? ExpiryMonth = null, string? Programme = null, string? Language = null, string? Channel = null)
{
    /// <summary>Channels a broadcast can reach (the web "try the bot" chat is not one).</summary>
    public static readonly IReadOnlyList<string> BroadcastChannels = ["tg", "line"];

    public bool Matches(StudentSummary s) =>
        StageMatches(Stage, s)
        && (string.IsNullOrEmpty(ExpiryMonth) || s.ArcExpiry?.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) == ExpiryMonth)
        && (string.IsNullOrEmpty(Programme) || string.Equals(s.Programme, Programme, StringComparison.OrdinalIgnoreCase))
        && (string.IsNullOrEmpty(Language) || string.Equals(s.Language, Language, StringComparison.OrdinalIgnoreCase))
        && (string.IsNullOrEmpty(Channel) || string.Equals(s.Channel, Channel, StringComparison.OrdinalIgnoreCase));

    public static bool StageMatches(string? stage, StudentSummary s) => stage?.ToLowerInvariant() switch
    {
        null or "" or "all" => true,
        "notsubmitted" => !s.IsSubmitted,
        "submitted" => s.IsSubmitted,
        "notpaid" => s.IsSubmitted && !s.IsPaid,
        "overdue" => s.Overdue,
        var name => Enum.TryParse<CaseStep>(name, ignoreCase: true, out var step) && s.Stage == step,
    };

    /// <summary>Reads "stage=notpaid channel=line lang=en programme=X expiry=2026-03 at=2026-12-01T09:00 text…" as typed in chat.</summary>
    public static (AudienceFilter Filter, DateTimeOffset? At, string Text) ParseCommand(string arguments)
    {
        var filter = new AudienceFilter();
        DateTimeOffset? at = null;
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
        return parts.Count == 0 ? "everyone" : string.Join(' ', parts);
    }
}
