namespace Bot.Host.Inbox;

/// <summary>The <c>Inbox</c> section.</summary>
public sealed class InboxOptions
{
    public const string Section = "Inbox";

    /// <summary>
    /// False: this host only accepts webhooks into the inbox and leaves the handling to other hosts
    /// (an ingress-only node; tests use it to stop "between acceptance and processing").
    /// </summary>
    public bool Consume { get; set; } = true;
}
