using System.Text.Json.Serialization;
using Bot.Dialogs.Cases;
using Bot.Dialogs.Messages;

namespace Bot.Dialogs.Conversation;

/// <summary>
/// Everything the bot keeps about one student, saved after every turn. Short JSON names keep a
/// finished application well under 4 KB in Redis. Bump <see cref="CurrentVersion"/> and add a step
/// to <see cref="StudentStateMigrations"/> when the shape changes.
/// </summary>
public sealed class StudentState
{
    public const int CurrentVersion = 2;

    [JsonPropertyName("v")] public int Version { get; set; } = CurrentVersion;

    [JsonPropertyName("l")] public Language Language { get; set; }

    /// <summary>The conversation phase (the Stateless machine's state), stored by name so renumbering is safe.</summary>
    [JsonPropertyName("p")] public string Phase { get; set; } = "New";

    /// <summary>The field being asked, when the phase asks fields.</summary>
    [JsonPropertyName("f")] public string? Field { get; set; }

    /// <summary>Set while the student edits one answer from the review: where to go back to.</summary>
    [JsonPropertyName("e")] public bool EditingFromReview { get; set; }

    /// <summary>The application chosen from the NIA menu (<see cref="Applications.ApplicationDefinition.Code"/>); null until chosen.</summary>
    [JsonPropertyName("k")] public string? ApplicationKind { get; set; }

    /// <summary>Answers by field id. Values are what the NIA form takes (upper-case names, ISO dates, Chinese option text).</summary>
    [JsonPropertyName("a")] public Dictionary<string, string> Answers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Fields the student chose to skip (optional ones), so the review shows them as skipped, not missing.</summary>
    [JsonPropertyName("s")] public List<string>? Skipped { get; set; }

    /// <summary>Files received per document slot (platform file references, never bytes).</summary>
    [JsonPropertyName("u")] public Dictionary<string, List<string>>? Uploads { get; set; }

    /// <summary>The page shown of a long list of buttons (service stations, cities).</summary>
    [JsonPropertyName("pg")] public int Page { get; set; }

    /// <summary>The 12-digit receipt number (收件號) once the student has submitted.</summary>
    [JsonPropertyName("r")] public string? ReceiptNumber { get; set; }

    [JsonPropertyName("c")] public DateTimeOffset CreatedAt { get; set; }

    [JsonPropertyName("t")] public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The application after submission, as the student reported it (see <see cref="StudentCase"/>).</summary>
    [JsonPropertyName("x")] public CaseProgress? Case { get; set; }

    /// <summary>Set while the student writes to or talks with an advisor (see <see cref="AdvisorTalk"/>); the bot then stays quiet.</summary>
    [JsonPropertyName("adv")] public string? Advisor { get; set; }

    public string? Answer(string fieldId) => Answers.GetValueOrDefault(fieldId);

    public bool IsSkipped(string fieldId) => Skipped?.Contains(fieldId) == true;
}
