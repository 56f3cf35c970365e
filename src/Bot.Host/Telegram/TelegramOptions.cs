using System.ComponentModel.DataAnnotations;

namespace Bot.Host.Telegram;

public enum TelegramMode
{
    Polling,
    Webhook,
}

/// <summary>The <c>Telegram</c> section. An empty token turns Telegram off.</summary>
public sealed class TelegramOptions : IValidatableObject
{
    public const string Section = "Telegram";

    public string? BotToken { get; set; }

    [Required]
    [Url]
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    public TelegramMode Mode { get; set; } = TelegramMode.Polling;

    public string? WebhookSecret { get; set; }

    /// <summary>
    /// Telegram lets a bot send about 30 messages a second; replies are paced to this (0 = unpaced, for tests and
    /// benchmarks against a fake), in the order turns finish, so nobody waits out another student's 429.
    /// </summary>
    [Range(0, 1000)]
    public double MessagesPerSecond { get; set; } = 29;

    /// <summary>
    /// Retries of one Bot API call after a connect failure, a dropped connection, an attempt that timed out or a 5xx, with
    /// exponential back-off from <see cref="RetryBaseDelay"/> (0 = none). Never after a 429: that is flood control's job.
    /// What still fails is tried again from the delivery (and the outbox): see Delivery:*.
    /// </summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one attempt of a call may take (getUpdates gets its long-poll time on top).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && !BotToken!.Contains(':', StringComparison.Ordinal))
        {
            yield return new ValidationResult("Telegram:BotToken does not look like a bot token (123456:ABC…).", [nameof(BotToken)]);
        }

        if (Enabled && Mode == TelegramMode.Webhook && string.IsNullOrWhiteSpace(WebhookSecret))
        {
            yield return new ValidationResult("Telegram:WebhookSecret is required when Telegram:Mode is Webhook.", [nameof(WebhookSecret)]);
        }
    }
}
