using Microsoft.Extensions.Options;

namespace Bot.Host.Storage.Encryption;

/// <summary>
/// The keys that encrypt students' data in Redis, in the <c>Storage</c> section: <c>Storage:EncryptionKeys:&lt;id&gt;</c>
/// (base64 of 32 random bytes, e.g. <c>openssl rand -base64 32</c>) and <c>Storage:ActiveKeyId</c> (the one new values are
/// encrypted with; optional when there is only one). Older keys stay configured to read what they encrypted until the
/// <c>rewrap</c> command has re-encrypted it (docs/security.md).
/// </summary>
public sealed class StorageEncryptionOptions
{
    /// <summary>The same section as <see cref="StorageOptions"/>.</summary>
    public const string Section = StorageOptions.Section;

    public Dictionary<string, string> EncryptionKeys { get; set; } = [];

    public string? ActiveKeyId { get; set; }

    /// <summary>The key new values are encrypted with: <see cref="ActiveKeyId"/>, or the only key.</summary>
    public string? ActiveId => string.IsNullOrWhiteSpace(ActiveKeyId) ? EncryptionKeys.Count == 1 ? EncryptionKeys.Keys.Single() : null : ActiveKeyId;
}

/// <summary>Names the setting at fault, so a missing or malformed key stops the host at start with a useful message.</summary>
internal sealed class StorageEncryptionOptionsValidator : IValidateOptions<StorageEncryptionOptions>
{
    public const int KeyBytes = 32;
    public const int MaxKeyIdLength = 32;

    public ValidateOptionsResult Validate(string? name, StorageEncryptionOptions options)
    {
        var problems = Problems(options).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static IEnumerable<string> Problems(StorageEncryptionOptions options)
    {
        if (options.EncryptionKeys.Count == 0)
        {
            yield return "Storage:EncryptionKeys is empty: set Storage__EncryptionKeys__<id> to a base64-encoded 32-byte key "
                + "(e.g. Storage__EncryptionKeys__k1=$(openssl rand -base64 32)); students' data in Redis is encrypted with it. "
                + "scripts/run.sh makes one for a local run (.local/storage-key).";
            yield break;
        }

        foreach (var (id, value) in options.EncryptionKeys)
        {
            if (!IsKeyId(id))
            {
                yield return $"Storage:EncryptionKeys:{id}: a key id has 1 to {MaxKeyIdLength} characters of A-Z a-z 0-9 _ -.";
            }

            if (Decode(value) is not { Length: KeyBytes })
            {
                yield return $"Storage:EncryptionKeys:{id} is not a base64-encoded {KeyBytes}-byte key (e.g. openssl rand -base64 32).";
            }
        }

        if (options.ActiveId is not { } active)
        {
            yield return "Storage:ActiveKeyId is required when several Storage:EncryptionKeys are configured: it names the one new data is encrypted with.";
        }
        else if (!options.EncryptionKeys.ContainsKey(active))
        {
            yield return $"Storage:ActiveKeyId is '{active}', but there is no Storage:EncryptionKeys:{active}.";
        }
    }

    public static bool IsKeyId(string id) =>
        id.Length is > 0 and <= MaxKeyIdLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    public static byte[]? Decode(string? value)
    {
        try
        {
            return string.IsNullOrWhiteSpace(value) ? null : Convert.FromBase64String(value.Trim());
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
