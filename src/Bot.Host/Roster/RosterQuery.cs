using System.Globalization;
using Bot.Dialogs.Forms;
using Bot.Dialogs.Messages;
using Bot.Host.Advisors;
using Bot.Host.Storage;
using StackExchange.Redis;

namespace Bot.Host.Roster;

/// <summary>The roster's sort orders; each is a sorted set of every shard.</summary>
public enum RosterSort
{
    Updated,
    Name,
    Stage,
    Deadline,
    School,
}

/// <summary>
/// Which students, as the dashboard's filters and broadcast audiences name them; every criterion left empty means
/// "everyone". <see cref="Stage"/>: a <see cref="CaseStep"/> name or notsubmitted, submitted, notpaid, overdue.
/// <see cref="Flagged"/>: a deadline passed or within 30 days. <see cref="Scope"/>: the schools an advisor may see
/// (null: all). <see cref="Q"/>: every word must start a word of the name, or it is the student's key (or Telegram id).
/// </summary>
public sealed record RosterQuery(
    string? Q = null,
    string? Stage = null,
    string? Channel = null,
    string? Language = null,
    string? Programme = null,
    string? ExpiryMonth = null,
    bool Flagged = false,
    string? School = null,
    IReadOnlyCollection<string>? Scope = null)
{
    /// <summary>The filters as the query script reads them (count, then the specs); null when nobody can match.</summary>
    /// <param name="token">How search words are looked up (the roster's keyed tokens); null when the query has no search.</param>
    internal (int Count, List<RedisValue> Specs)? Specs(DateOnly today, Func<string, string>? token = null)
    {
        var specs = new List<RedisValue>();
        var count = 0;
        void Add(params RedisValue[] values)
        {
            count++;
            specs.AddRange(values);
        }

        var day = today.DayNumber;
        switch (Stage?.Trim().ToLowerInvariant())
        {
            case null or "" or "all": break;
            case "notsubmitted": Add("R", "stage", 0, (int)CaseStep.Reviewing); break;
            case "submitted": Add("R", "stage", (int)CaseStep.Submitted, (int)CaseStep.Collected); break;
            case "notpaid": Add("R", "stage", (int)CaseStep.Submitted, (int)CaseStep.Approved); break;
            case "overdue": Add("R", "due", "-inf", "(" + day.ToString(CultureInfo.InvariantCulture)); break;
            case var name when Enum.TryParse<CaseStep>(name, ignoreCase: true, out var step) && !int.TryParse(name, out _):
                Add("R", "stage", (int)step, (int)step);
                break;
            default: return null;
        }

        if (!string.IsNullOrWhiteSpace(Channel))
        {
            var channel = Channel.Trim().ToLowerInvariant();
            if (channel is not ("tg" or "line"))
            {
                return null;
            }

            Add("S", "ch:" + channel);
        }

        if (!string.IsNullOrWhiteSpace(Language))
        {
            if (Languages.Find(Language.Trim()) is not { } language)
            {
                return null;
            }

            Add("S", "lang:" + language.Code());
        }

        if (!string.IsNullOrWhiteSpace(Programme))
        {
            var p = Programme.Trim();
            var code = NiaLists.Programmes.ByValue(p)?.Code
                ?? NiaLists.Programmes.Options.FirstOrDefault(o => o.Code.Equals(p, StringComparison.OrdinalIgnoreCase))?.Code
                ?? p;
            Add("S", "prog:" + code);
        }

        if (!string.IsNullOrWhiteSpace(ExpiryMonth))
        {
            if (!DateOnly.TryParseExact(ExpiryMonth.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            {
                return null;
            }

            var score = RosterCodec.Score(RosterCodec.MonthScore(month));
            Add("R", "exp", score, score);
        }

        if (Flagged)
        {
            Add("R", "due", "-inf", day + StudentSummary.ExpiresSoonDays);
        }

        if (!string.IsNullOrWhiteSpace(School))
        {
            if (Scope is not null && !Scope.Contains(School.Trim(), StringComparer.Ordinal))
            {
                return null;
            }

            Add("S", "sch:" + School.Trim());
        }

        if (Scope is not null)
        {
            if (Scope.Count == 0)
            {
                return null;
            }

            Add([(RedisValue)"U", Scope.Count, .. Scope.Select(s => (RedisValue)("sch:" + s))]);
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            var words = token is null ? [] : RosterCodec.Words(Q).Select(w => RosterCodec.SearchToken(w, token)).ToList();
            var keys = CandidateKeys(Q.Trim()).ToList();
            if (words.Count == 0 && keys.Count == 0)
            {
                return null;
            }

            Add([(RedisValue)"Q", words.Count, .. words.Select(w => (RedisValue)w), keys.Count, .. keys.Select(k => (RedisValue)k)]);
        }

        return (count, specs);
    }

    /// <summary>A search that is a student key (tg:123, line:U…) or a Telegram id finds that student.</summary>
    private static IEnumerable<string> CandidateKeys(string q)
    {
        if (StudentKey.TryParse(q, out var key) && StudentRoster.Keeps(key))
        {
            yield return key.ToString();
        }
        else if (q.Length <= 20 && q.All(char.IsAsciiDigit))
        {
            yield return "tg:" + q;
        }
    }

    public static RosterSort ParseSort(string? sort) => sort?.Trim().ToLowerInvariant() switch
    {
        "name" => RosterSort.Name,
        "stage" => RosterSort.Stage,
        "deadline" => RosterSort.Deadline,
        "school" => RosterSort.School,
        _ => RosterSort.Updated,
    };

    /// <summary>Newest activity first; every other order ascending unless asked.</summary>
    public static bool Descending(RosterSort sort, string? dir) => dir?.Trim().ToLowerInvariant() switch
    {
        "desc" => true,
        "asc" => false,
        _ => sort == RosterSort.Updated,
    };

    internal static string KeyName(RosterSort sort) => sort switch
    {
        RosterSort.Name => "name",
        RosterSort.Stage => "stage",
        RosterSort.Deadline => "due",
        RosterSort.School => "school",
        _ => "upd",
    };
}
