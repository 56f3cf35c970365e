using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Bot.Host.Storage;
using Bot.Host.Storage.Encryption;

namespace Bot.Host.Conversation;

/// <summary>
/// How an outbox is kept in Redis: a marker byte (2), the inbound id in clear (every turn compares it, and the
/// <c>KeepOutbox</c> script reads it, without decrypting anything), then the replies — which echo the student's answers —
/// as Brotli-compressed JSON encrypted by <see cref="StorageCipher"/> (bound to the outbox's key and the inbound id).
/// Compression keeps a student with a complete application well under 4 KB (docs/benchmarks.md). Older outboxes are still
/// read: marker 1 (compressed, not encrypted) and plain JSON.
/// </summary>
internal static class OutboxCodec
{
    private const byte Marker = 2;
    private const byte UnencryptedMarker = 1;

    /// <summary>~3 µs for a turn's replies and still ~3× smaller; the outbox is written every turn, decoded only on a redelivery.</summary>
    private const int BrotliQuality = 2;

    private const int BrotliWindow = 16;

    /// <summary>Inbound ids are platform ids (digits, or LINE's 26-character event ids): far under this.</summary>
    private const int MaxInboundIdBytes = byte.MaxValue;

    public static byte[] Encode(Outbox outbox, StorageCipher cipher, StudentKey student)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(outbox with { InboundId = string.Empty, Replies = [.. outbox.Replies.Where(r => r.File is null)] }, OutboxJsonContext.Default.Outbox);
        var id = Encoding.UTF8.GetBytes(outbox.InboundId);
        if (id.Length > MaxInboundIdBytes)
        {
            throw new ArgumentException("The inbound id is too long for an outbox.", nameof(outbox));
        }

        var rented = ArrayPool<byte>.Shared.Rent(sizeof(int) + BrotliEncoder.GetMaxCompressedLength(json.Length));
        try
        {
            BinaryPrimitives.WriteInt32LittleEndian(rented, json.Length);
            if (!BrotliEncoder.TryCompress(json, rented.AsSpan(sizeof(int)), out var compressed, BrotliQuality, BrotliWindow))
            {
                throw new InvalidOperationException("Brotli could not compress an outbox.");
            }

            var sealedReplies = cipher.Seal(rented.AsSpan(0, sizeof(int) + compressed), Context(student, outbox.InboundId));
            return [Marker, (byte)id.Length, .. id, .. sealedReplies];
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Whether this outbox answered <paramref name="inboundId"/> (a redelivery), without decoding the replies.</summary>
    public static bool Answers(byte[]? bytes, string inboundId)
    {
        if (bytes is not { Length: > 1 } || bytes[0] is not (Marker or UnencryptedMarker))
        {
            return bytes is { Length: > 0 } && Plain(bytes)?.InboundId == inboundId;
        }

        var length = bytes[1];
        Span<byte> wanted = stackalloc byte[MaxInboundIdBytes];
        return bytes.Length >= 2 + length
            && Encoding.UTF8.TryGetBytes(inboundId, wanted, out var written)
            && bytes.AsSpan(2, length).SequenceEqual(wanted[..written]);
    }

    /// <summary>
    /// The outbox, or null when there is none or it cannot be read: an unreadable outbox (its key removed, tampered with)
    /// only loses a replay, and the redelivered update is handled again.
    /// </summary>
    public static Outbox? Decode(byte[]? bytes, StorageCipher cipher, StudentKey student)
    {
        if (bytes is not { Length: > 0 })
        {
            return null;
        }

        try
        {
            if (bytes[0] is not (Marker or UnencryptedMarker))
            {
                return Plain(bytes);
            }

            var idLength = bytes[1];
            var inboundId = Encoding.UTF8.GetString(bytes, 2, idLength);
            var payload = bytes[0] == Marker
                ? cipher.Open(bytes.AsSpan(2 + idLength), Context(student, inboundId))
                : bytes[(2 + idLength)..];
            var jsonLength = BinaryPrimitives.ReadInt32LittleEndian(payload);
            var json = new byte[jsonLength];
            if (!BrotliDecoder.TryDecompress(payload.AsSpan(sizeof(int)), json, out var written) || written != jsonLength)
            {
                return null;
            }

            return JsonSerializer.Deserialize(json, OutboxJsonContext.Default.Outbox) is { } outbox ? outbox with { InboundId = inboundId } : null;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or IndexOutOfRangeException or OverflowException or CryptographicException)
        {
            return null;
        }
    }

    /// <summary>
    /// The outbox encrypted with the active key, or null when it already is; throws <see cref="CryptographicException"/>
    /// when it cannot be read (its key is not configured). For the <c>rewrap</c> command.
    /// </summary>
    public static byte[]? Reseal(byte[] bytes, StorageCipher cipher, StudentKey student)
    {
        if (bytes is [Marker, var idLength, ..] && bytes.Length > 2 + idLength && cipher.IsCurrent(bytes.AsSpan(2 + idLength)))
        {
            return null;
        }

        return Decode(bytes, cipher, student) is { } outbox
            ? Encode(outbox, cipher, student)
            : throw new CryptographicException("An outbox could not be read.");
    }

    private static string Context(StudentKey student, string inboundId) => StudentStore.OutboxKey(student).ToString() + "|" + inboundId;

    private static Outbox? Plain(byte[] bytes)
    {
        try
        {
            return JsonSerializer.Deserialize(bytes, OutboxJsonContext.Default.Outbox);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
