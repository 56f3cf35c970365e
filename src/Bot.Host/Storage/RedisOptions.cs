using System.ComponentModel.DataAnnotations;

namespace Bot.Host.Storage;

/// <summary>How long what the bot keeps about a student lives, and how long one turn may hold a student.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>A student who has not written for this long is forgotten (personal data is not kept forever).</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 400;

    /// <summary>A turn that hangs releases its student after this long instead of silencing them.</summary>
    [Range(1, 600)]
    public int TurnLeaseSeconds { get; set; } = 30;

    /// <summary>
    /// Start even when Redis' maxmemory-policy is not noeviction (it may then evict students when full): false refuses to
    /// start, true starts with a loud warning (see <see cref="RedisEvictionCheck"/>).
    /// </summary>
    public bool AllowEvictionPolicy { get; set; }
}
