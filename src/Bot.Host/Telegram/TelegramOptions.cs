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

    /// <summary>
    /// What Telegram sends in <c>X-Telegram-Bot-Api-Secret-Token</c>: Telegram allows 1–256 characters of A–Z, a–z, 0–9,
    /// _ and -; we require at least <see cref="MinWebhookSecretLength"/> of them, not one character repeated, since it is the
    /// only thing between the internet and the inbox (e.g. <c>openssl rand -hex 32</c>).
    /// </summary>
    public string? WebhookSecret { get; set; }

    public const int MinWebhookSecretLength = 32;

    /// <summary>Fewer distinct characters than this is a pattern, not a secret ("aaaa…", "abab…").</summary>
    private const int MinDistinctSecretCharacters = 8;

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

    /// <summary>
    /// The bot's username (without @) for the schools' links (<c>https://t.me/&lt;username&gt;?start=&lt;school&gt;</c>); empty:
    /// asked from Telegram (getMe) and kept. Set it to show the links on a dashboard whose host runs without a token.
    /// </summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9_]{4,31}$", ErrorMessage = "Telegram:BotUsername must be the bot's username without @: 5–32 letters, digits or _.")]
    public string? BotUsername { get; set; }

    /// <summary>
    /// In polling mode only one host may poll (Telegram answers a second getUpdates with 409): the poller holds a Redis lease
    /// this long. When it dies without giving it back, another host takes over once it expires.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:02", "00:05:00")]
    public TimeSpan PollingLease { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the poller renews its lease; also the longest long poll. At most half of <see cref="PollingLease"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:00:30")]
    public TimeSpan PollingLeaseRenewal { get; set; } = TimeSpan.FromSeconds(3);

    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PollingLeaseRenewal * 2 > PollingLease)
        {
            yield return new ValidationResult(
                $"Telegram:PollingLeaseRenewal ({PollingLeaseRenewal}) must be at most half of Telegram:PollingLease ({PollingLease}), so a renewal late by one interval still finds the lease held.",
                [nameof(PollingLeaseRenewal)]);
        }

        if (Enabled && !BotToken!.Contains(':', StringComparison.Ordinal))
        {
            yield return new ValidationResult("Telegram:BotToken does not look like a bot token (123456:ABC…).", [nameof(BotToken)]);
        }

        if (Enabled && Mode == TelegramMode.Webhook && string.IsNullOrWhiteSpace(WebhookSecret))
        {
            yield return new ValidationResult("Telegram:WebhookSecret is required when Telegram:Mode is Webhook.", [nameof(WebhookSecret)]);
        }
        else if (Enabled && Mode == TelegramMode.Webhook && WeakSecret(WebhookSecret!) is { } problem)
        {
            yield return new ValidationResult($"Telegram:WebhookSecret {problem}", [nameof(WebhookSecret)]);
        }
    }

    private static string? WeakSecret(string secret)
    {
        if (secret.Length is < MinWebhookSecretLength or > 256)
        {
            return $"must have {MinWebhookSecretLength} to 256 characters (it has {secret.Length}); e.g. openssl rand -hex 32.";
        }

        if (!secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            return "may only contain A-Z, a-z, 0-9, _ and - (Telegram refuses anything else).";
        }

        return secret.Distinct().Count() < MinDistinctSecretCharacters ? "is a pattern, not a secret: use a random value, e.g. openssl rand -hex 32." : null;
    }
}
