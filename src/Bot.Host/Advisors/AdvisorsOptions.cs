using System.ComponentModel.DataAnnotations;

namespace Bot.Host.Advisors;

/// <summary>Section "Advisors": who may use advisor commands in chat, and the dashboard's key.</summary>
public sealed class AdvisorsOptions : IValidatableObject
{
    public const string Section = "Advisors";

    /// <summary>Shorter keys are refused at start: the dashboard shows every student's case.</summary>
    public const int MinApiKeyLength = 16;

    public long[] TelegramUserIds { get; set; } = [];

    public string[] LineUserIds { get; set; } = [];

    /// <summary>Empty turns the dashboard off (it then shows a page saying how to turn it on).</summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>How long a dashboard login lasts without activity.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    public bool DashboardEnabled => !string.IsNullOrEmpty(ApiKey);

    public bool IsAdvisor(string channel, string id) => channel switch
    {
        "tg" => long.TryParse(id, System.Globalization.CultureInfo.InvariantCulture, out var userId) && TelegramUserIds.Contains(userId),
        "line" => LineUserIds.Contains(id, StringComparer.Ordinal),
        _ => false,
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DashboardEnabled && ApiKey.Length < MinApiKeyLength)
        {
            yield return new ValidationResult($"Advisors:ApiKey must be at least {MinApiKeyLength} characters (or empty to turn the dashboard off).", [nameof(ApiKey)]);
        }
    }
}
