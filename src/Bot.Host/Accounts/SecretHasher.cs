using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Bot.Host.Accounts;

/// <summary>
/// Advisors' login secrets are kept only as salted PBKDF2 hashes (HMAC-SHA512, 210,000 iterations, OWASP's figure for
/// SHA-512; 16-byte random salt, 32-byte hash), written <c>pbkdf2-sha512$210000$salt$hash</c> (base64), so the iteration
/// count can rise later without invalidating older hashes. Comparisons take constant time.
/// </summary>
public static class SecretHasher
{
    public const int Iterations = 210_000;
    private const string Scheme = "pbkdf2-sha512";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>A hash of nothing in particular: checked against when the account does not exist, so a wrong name costs as long as a wrong secret.</summary>
    private static readonly Lazy<string> Decoy = new(() => Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));

    /// <summary>Letters and digits that cannot be misread (no 0/O, 1/l/I): a generated secret is typed by people.</summary>
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>A new random secret (24 characters from 56: ~139 bits).</summary>
    public static string NewSecret() => RandomNumberGenerator.GetString(Alphabet, 24);

    public static string Hash(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, Iterations, HashAlgorithmName.SHA512, HashBytes);
        return string.Join('$', Scheme, Iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    public static bool IsHash(string? value) => Parse(value) is not null;

    /// <summary>True when <paramref name="secret"/> matches <paramref name="stored"/>; false for a malformed hash or none (after the same work).</summary>
    public static bool Verify(string secret, string? stored)
    {
        var parsed = Parse(stored) ?? Parse(Decoy.Value)!.Value;
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), parsed.Salt, parsed.Iterations, HashAlgorithmName.SHA512, parsed.Hash.Length);
        return CryptographicOperations.FixedTimeEquals(actual, parsed.Hash) && Parse(stored) is not null;
    }

    private static (int Iterations, byte[] Salt, byte[] Hash)? Parse(string? stored)
    {
        var parts = stored?.Split('$');
        if (parts is not [Scheme, var iterations, var salt, var hash]
            || !int.TryParse(iterations, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 10_000)
        {
            return null;
        }

        try
        {
            return (n, Convert.FromBase64String(salt), Convert.FromBase64String(hash));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
