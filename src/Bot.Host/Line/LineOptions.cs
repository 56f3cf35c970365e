using System.ComponentModel.DataAnnotations;

namespace Bot.Host.Line;

/// <summary>Section "Line". LINE is off while <see cref="ChannelSecret"/> is empty; then nothing else is required.</summary>
public sealed class LineOptions
{
    public const string SectionName = "Line";

    /// <summary>Key for <c>X-Line-Signature</c>; empty turns LINE off.</summary>
    public string ChannelSecret { get; set; } = "";

    [Required]
    public string ChannelAccessToken { get; set; } = "";

    [Required]
    [Url]
    public string ApiBaseUrl { get; set; } = "https://api.line.me";

    /// <summary>Content downloads live on a separate host.</summary>
    [Required]
    [Url]
    public string DataApiBaseUrl { get; set; } = "https://api-data.line.me";

    /// <summary>Largest message content we read into memory; LINE files can be far bigger than anything we process.</summary>
    [Range(1, int.MaxValue)]
    public int MaxContentBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Retries of push, multicast and broadcast on 429/5xx (reply is never retried).</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>First back-off; it doubles per attempt. Tests shorten it.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Events whose <c>timestamp</c> is older than this are acknowledged and not handled: a replayed capture of a
    /// signed webhook gets nothing. Kept below the inbox's de-duplication window (2 days), which covers what is younger.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "2.00:00:00")]
    public TimeSpan MaxEventAge { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Replies whose reply token is stale wait this long for the student's next turns, so they share one push
    /// (LINE counts a push per recipient, not per message). They are already late by the token's age (50 s or more).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan PushBatchWindow { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often each host looks for queued pushes that are due.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:30")]
    public TimeSpan PushFlushInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// At start, set the channel's webhook URL to Bot:PublicBaseUrl + /webhooks/line (readiness waits for it). False when
    /// the URL is managed in the LINE Developers Console, e.g. a staging host that shares a channel and must not take its webhooks.
    /// </summary>
    public bool RegisterWebhook { get; set; } = true;

    /// <summary>
    /// At start, create the rich menu (Status, Continue, Ask an advisor, Language, Help) in every catalogue language, set
    /// the English one as the default and link each student's once their language is known. False leaves the channel's
    /// rich menus to the LINE Official Account Manager.
    /// </summary>
    public bool RichMenu { get; set; } = true;

    public bool Enabled => !string.IsNullOrEmpty(ChannelSecret);
}
