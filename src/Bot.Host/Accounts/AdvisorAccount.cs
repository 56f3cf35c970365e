using System.Text.RegularExpressions;

namespace Bot.Host.Accounts;

/// <summary>
/// One advisor's account. <paramref name="Version"/> changes with every new secret and when it is disabled: a session
/// opened before no longer matches, so it ends. <paramref name="Configured"/>: from configuration (read-only on the page).
/// </summary>
public sealed record AdvisorAccount(
    string Name,
    AdvisorRole Role,
    IReadOnlyList<string> Schools,
    bool Disabled,
    string Version,
    bool Configured,
    string? CreatedBy = null,
    DateTimeOffset? CreatedAt = null)
{
    /// <summary>The schools this account may see; null for an admin (all of them).</summary>
    public IReadOnlyCollection<string>? Scope => Role == AdvisorRole.Admin ? null : Schools;
}

public static partial class AccountNames
{
    /// <summary>Lower-case letters, digits, dots, hyphens and underscores, 2–32 characters; no colon, so never mistaken for a chat advisor's key (tg:…).</summary>
    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    /// <summary>The name the shared key signs in as; no account may take it.</summary>
    public const string SharedKey = "dashboard";

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{1,31}$")]
    private static partial Regex Pattern();
}
