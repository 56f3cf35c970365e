using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Dialogs.Messages;
using Bot.Host.Advisors;

namespace Bot.Host.Roster;

/// <summary>An entry as stored in <c>{ix:N}:sum</c>: short names, nulls left out (the roster's Lua reads c, l, pc, sc, a, w and u).</summary>
internal sealed class StoredEntry
{
    [JsonPropertyName("n")] public string Name { get; set; } = string.Empty;

    [JsonPropertyName("k")] public string? Kind { get; set; }

    [JsonPropertyName("s")] public int Stage { get; set; }

    [JsonPropertyName("d")] public int? Deadline { get; set; }

    [JsonPropertyName("e")] public int? ArcExpiry { get; set; }

    [JsonPropertyName("sc")] public string? School { get; set; }

    [JsonPropertyName("c")] public string Channel { get; set; } = string.Empty;

    [JsonPropertyName("l")] public string Language { get; set; } = "en";

    [JsonPropertyName("p")] public string? Programme { get; set; }

    [JsonPropertyName("pc")] public string? ProgrammeCode { get; set; }

    [JsonPropertyName("a")] public bool WithAdvisor { get; set; }

    /// <summary>Activity, to the hour (Unix seconds).</summary>
    [JsonPropertyName("t")] public long Active { get; set; }

    /// <summary>The search words the entry put in <c>:words</c>, so the next write can take them out.</summary>
    [JsonPropertyName("w")] public string[] Words { get; set; } = [];

    /// <summary>When the student's record was saved (Unix ms): an older write never replaces a newer one.</summary>
    [JsonPropertyName("u")] public long Updated { get; set; }
}

/// <summary>What the roster's scripts read of an entry (<c>{ix:N}:meta</c>): no name, word tokens only.</summary>
internal sealed class StoredMeta
{
    [JsonPropertyName("c")] public string Channel { get; set; } = string.Empty;

    [JsonPropertyName("l")] public string Language { get; set; } = "en";

    [JsonPropertyName("pc")] public string? ProgrammeCode { get; set; }

    [JsonPropertyName("sc")] public string? School { get; set; }

    [JsonPropertyName("w")] public List<string> Words { get; set; } = [];

    [JsonPropertyName("u")] public long Updated { get; set; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StoredEntry))]
[JsonSerializable(typeof(StoredMeta))]
internal sealed partial class RosterJson : JsonSerializerContext;

/// <summary>Entries to and from their stored form, and the numbers the sorted sets are scored by.</summary>
public static class RosterCodec
{
    /// <summary>The <c>:due</c> score of a student without a deadline: after every real date, so they sort last.</summary>
    public const double NoDeadline = 4_000_000;

    /// <summary>Characters that count in a name's sort score, in order (space first, so "LI A" sorts before "LIA").</summary>
    private const string SortAlphabet = " 0123456789abcdefghijklmnopqrstuvwxyz";

    /// <summary>Letters per sort score: 39^10 ≈ 8.1e15 stays below 2^53, so the score is an exact double.</summary>
    private const int SortLetters = 10;

    private const int MaxWords = 8;
    private const int MaxWordLength = 24;

    public static string Encode(RosterEntry entry, long updatedMs) => JsonSerializer.Serialize(
        new StoredEntry
        {
            Name = entry.Name,
            Kind = entry.Kind,
            Stage = (int)entry.Stage,
            Deadline = entry.Deadline?.DayNumber,
            ArcExpiry = entry.ArcExpiry?.DayNumber,
            School = entry.School,
            Channel = entry.Channel,
            Language = entry.Language,
            Programme = entry.Programme,
            ProgrammeCode = entry.ProgrammeCode,
            WithAdvisor = entry.WithAdvisor,
            Active = entry.Active.ToUnixTimeSeconds(),
            Updated = updatedMs,
        },
        RosterJson.Default.StoredEntry);

    /// <summary>The scripts' part of an entry, with the name's word tokens (<paramref name="tokens"/>).</summary>
    public static string EncodeMeta(RosterEntry entry, long updatedMs, IReadOnlyList<string> tokens) => JsonSerializer.Serialize(
        new StoredMeta { Channel = entry.Channel, Language = entry.Language, ProgrammeCode = entry.ProgrammeCode, School = entry.School, Words = [.. tokens], Updated = updatedMs },
        RosterJson.Default.StoredMeta);

    /// <summary>Longest word prefix that gets a token: a longer search word matches on its first letters.</summary>
    public const int TokenLetters = 12;

    /// <summary>The search tokens of a name: a token for every prefix (1 to 12 letters) of every word.</summary>
    public static IReadOnlyList<string> WordTokens(string? name, Func<string, string> token) =>
        [.. Words(name).SelectMany(w => Enumerable.Range(1, Math.Min(w.Length, TokenLetters)).Select(n => token(w[..n]))).Distinct(StringComparer.Ordinal)];

    /// <summary>The token a search word is looked up by.</summary>
    public static string SearchToken(string word, Func<string, string> token) => token(word.Length > TokenLetters ? word[..TokenLetters] : word);

    public static RosterEntry? Decode(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        var s = JsonSerializer.Deserialize(json, RosterJson.Default.StoredEntry);
        return s is null ? null : new RosterEntry(
            s.Name,
            s.Kind,
            (CaseStep)s.Stage,
            s.Deadline is { } d ? DateOnly.FromDayNumber(d) : null,
            s.ArcExpiry is { } e ? DateOnly.FromDayNumber(e) : null,
            s.School,
            s.Channel,
            s.Language,
            s.Programme,
            s.WithAdvisor,
            DateTimeOffset.FromUnixTimeSeconds(s.Active));
    }

    public static double DeadlineScore(DateOnly? deadline) => deadline?.DayNumber ?? NoDeadline;

    /// <summary>yyyyMM of the ARC's expiry: a month filter is one exact score.</summary>
    public static double MonthScore(DateOnly date) => (date.Year * 100) + date.Month;

    /// <summary>
    /// A text's first ten letters (folded: no case, no accents) as a base-39 number, so a sorted set orders names
    /// alphabetically; names equal in their first ten letters fall back to the student key's order. Empty sorts last.
    /// </summary>
    public static double SortScore(string? text)
    {
        var folded = TypedText.Fold(text ?? string.Empty).Trim();
        if (folded.Length == 0)
        {
            return Math.Pow(SortAlphabet.Length + 2, SortLetters);
        }

        double score = 0;
        for (var i = 0; i < SortLetters; i++)
        {
            var digit = 0;
            if (i < folded.Length)
            {
                var at = SortAlphabet.IndexOf(folded[i], StringComparison.Ordinal);
                digit = at >= 0 ? at + 1 : SortAlphabet.Length + 1;
            }

            score = (score * (SortAlphabet.Length + 2)) + digit;
        }

        return score;
    }

    /// <summary>A score as Redis must receive it: digits, never Lua's 14-digit formatting.</summary>
    public static string Score(double score) => score.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The words of a name as search looks them up: folded, split at spaces and punctuation.</summary>
    public static IEnumerable<string> Words(string? text) =>
        TypedText.Fold(text ?? string.Empty)
            .Split([' ', '-', '.', ',', '\'', '(', ')', '/', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => w.Length > MaxWordLength ? w[..MaxWordLength] : w)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxWords);
}
