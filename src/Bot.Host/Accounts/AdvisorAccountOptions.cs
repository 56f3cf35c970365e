namespace Bot.Host.Accounts;

public enum AdvisorRole
{
    /// <summary>Sees and broadcasts to the students of their schools only.</summary>
    Advisor,

    /// <summary>Sees every student, manages accounts, reads the audit trail, replays undelivered messages.</summary>
    Admin,
}

/// <summary>
/// An advisor account from configuration (<c>Advisors:Accounts:N:…</c>): its name, its login secret (plain, hashed in
/// memory at start, or already hashed by <see cref="SecretHasher"/>), its role and its schools (<c>Schools:N:Id</c>).
/// Accounts created on the dashboard live in Redis instead; these cannot be changed there.
/// </summary>
public sealed class AdvisorAccountOptions
{
    public string Name { get; set; } = string.Empty;

    /// <summary>At least 16 characters; never stored anywhere, only its hash kept in memory.</summary>
    public string? Secret { get; set; }

    /// <summary>Instead of <see cref="Secret"/>: a <c>pbkdf2-sha512$…</c> hash, so the configuration holds no secret at all.</summary>
    public string? SecretHash { get; set; }

    public AdvisorRole Role { get; set; } = AdvisorRole.Advisor;

    public string[] Schools { get; set; } = [];
}
