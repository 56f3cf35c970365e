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

    /// <summary>How long a dashboard login lasts at most, however active: a stolen cookie stops working by then (the shorter of the two lifetimes wins).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan SessionAbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Login attempts one client address may make per <see cref="LoginWindow"/> (per host), right or wrong.</summary>
    [Range(1, 10_000)]
    public int LoginAttemptsPerAddress { get; set; } = 10;

    /// <summary>Login attempts from all addresses together per <see cref="LoginWindow"/> (per host): bounds a distributed guess.</summary>
    [Range(1, 100_000)]
    public int LoginAttemptsTotal { get; set; } = 60;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LoginWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Largest request body the dashboard accepts (its JSON is a broadcast text at most).</summary>
    [Range(1024, 1024 * 1024)]
    public int MaxRequestBodyBytes { get; set; } = 32 * 1024;

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
