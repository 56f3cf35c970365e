using System.Security.Cryptography;
using System.Text;

namespace Bot.Host.Line;

/// <summary>
/// X-Line-Retry-Key values: a UUID (version 4 layout, as LINE expects) that is the same for the same logical send, so a
/// send repeated after a crash or a lost response is delivered at most once (LINE answers 409 for a key it accepted).
/// </summary>
public static class LineRetryKey
{
    public static Guid From(string logicalSend)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(logicalSend), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
