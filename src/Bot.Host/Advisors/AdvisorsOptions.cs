using System.ComponentModel.DataAnnotations;

namespace Bot.Host.Advisors;

/// <summary>Section "Advisors": who may use advisor commands in chat, the dashboard's shared key, and advisor accounts.</summary>
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

    /// <summary>
    /// Advisor accounts from configuration (<c>Advisors:Accounts:0:Name</c>, <c>…:Secret</c> or <c>…:SecretHash</c>,
    /// <c>…:Role</c>, <c>…:Schools:0</c>); admins create more on the dashboard. <see cref="ApiKey"/> stays the first admin's.
    /// </summary>
    public List<Accounts.AdvisorAccountOptions> Accounts { get; set; } = [];

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

        for (var i = 0; i < Accounts.Count; i++)
        {
            var a = Accounts[i];
            var at = $"Advisors:Accounts:{i}";
            if (!Bot.Host.Accounts.AccountNames.IsValid(a.Name) || a.Name == Bot.Host.Accounts.AccountNames.SharedKey)
            {
                yield return new ValidationResult($"{at}:Name must be 2–32 lower-case letters, digits, '.', '-' or '_' (and not '{Bot.Host.Accounts.AccountNames.SharedKey}').", [nameof(Accounts)]);
            }

            if (a.SecretHash is { Length: > 0 } hash ? !Bot.Host.Accounts.SecretHasher.IsHash(hash) : (a.Secret?.Length ?? 0) < MinApiKeyLength)
            {
                yield return new ValidationResult($"{at}: set Secret (at least {MinApiKeyLength} characters) or SecretHash (pbkdf2-sha512$…).", [nameof(Accounts)]);
            }

            if (a.Role == Bot.Host.Accounts.AdvisorRole.Advisor && a.Schools.Length == 0)
            {
                yield return new ValidationResult($"{at}:Schools: an advisor needs at least one school (Schools:N:Id), or Role Admin.", [nameof(Accounts)]);
            }
        }

        if (Accounts.GroupBy(a => a.Name, StringComparer.Ordinal).Any(g => g.Count() > 1))
        {
            yield return new ValidationResult("Advisors:Accounts: two accounts have the same Name.", [nameof(Accounts)]);
        }
    }
}
