using System.ComponentModel.DataAnnotations;

namespace Bot.Host;

/// <summary>The <c>Bot</c> section: how the outside world reaches this host.</summary>
public sealed class BotOptions
{
    public const string Section = "Bot";

    /// <summary>The public https address (webhooks are registered under it, file links point to it).</summary>
    [Required(ErrorMessage = "Bot:PublicBaseUrl is required when LINE or the Telegram webhook is on.")]
    [Url(ErrorMessage = "Bot:PublicBaseUrl must be an absolute http(s) URL.")]
    public string PublicBaseUrl { get; set; } = string.Empty;

    public string Link(string path) => PublicBaseUrl.TrimEnd('/') + path;
}
