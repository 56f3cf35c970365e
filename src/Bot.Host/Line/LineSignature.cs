using System.Security.Cryptography;
using System.Text;

namespace Bot.Host.Line;

/// <summary>Checks <c>X-Line-Signature</c>: base64 of HMAC-SHA256 over the raw request body, keyed by the channel secret.</summary>
public static class LineSignature
{
    public const string HeaderName = "X-Line-Signature";

    private const int HashSize = HMACSHA256.HashSizeInBytes;

    public static bool IsValid(ReadOnlySpan<byte> body, string? signatureHeader, string channelSecret)
    {
        if (string.IsNullOrEmpty(signatureHeader) || string.IsNullOrEmpty(channelSecret))
        {
            return false;
        }

        Span<byte> claimed = stackalloc byte[HashSize];
        // A header that is not base64 of exactly 32 bytes cannot be a valid signature.
        if (!Convert.TryFromBase64String(signatureHeader, claimed, out var written) || written != HashSize)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HashSize];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(channelSecret), body, expected);
        // Constant time, so response timing does not leak how many leading bytes matched.
        return CryptographicOperations.FixedTimeEquals(claimed, expected);
    }

    /// <summary>The header value LINE would send for <paramref name="body"/>; used by tests and fakes.</summary>
    public static string Compute(ReadOnlySpan<byte> body, string channelSecret) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(channelSecret), body));
}
