using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Bot.Host.Conversation;

/// <summary>
/// How an outbox is kept in Redis: a marker byte, the inbound id in clear (every turn compares it, so it is read without
/// decompressing anything), then the replies as Brotli-compressed JSON — about half the bytes of plain JSON, which keeps a
/// student with a complete application well under 4 KB (docs/benchmarks.md). Outboxes written as plain JSON (before this
/// format) are still read.
/// </summary>
internal static class OutboxCodec
{
    private const byte Marker = 1;

    /// <summary>~3 µs for a turn's replies and still ~3× smaller; the outbox is written every turn, decoded only on a redelivery.</summary>
    private const int BrotliQuality = 2;

    private const int BrotliWindow = 16;

    /// <summary>Inbound ids are platform ids (digits, or LINE's 26-character event ids): far under this.</summary>
    private const int MaxInboundIdBytes = byte.MaxValue;

    public static byte[] Encode(Outbox outbox)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(outbox with { InboundId = string.Empty, Replies = [.. outbox.Replies.Where(r => r.File is null)] }, OutboxJsonContext.Default.Outbox);
        var id = Encoding.UTF8.GetBytes(outbox.InboundId);
        if (id.Length > MaxInboundIdBytes)
        {
            throw new ArgumentException("The inbound id is too long for an outbox.", nameof(outbox));
        }

        var rented = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(json.Length));
        try
        {
            if (!BrotliEncoder.TryCompress(json, rented, out var compressed, BrotliQuality, BrotliWindow))
            {
                throw new InvalidOperationException("Brotli could not compress an outbox.");
            }

            var header = 2 + id.Length + sizeof(int);
            var bytes = new byte[header + compressed];
            bytes[0] = Marker;
            bytes[1] = (byte)id.Length;
            id.CopyTo(bytes, 2);
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(2 + id.Length), json.Length);
            rented.AsSpan(0, compressed).CopyTo(bytes.AsSpan(header));
            return bytes;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Whether this outbox answered <paramref name="inboundId"/> (a redelivery), without decoding the replies.</summary>
    public static bool Answers(byte[]? bytes, string inboundId)
    {
        if (bytes is not { Length: > 1 } || bytes[0] != Marker)
        {
            return Decode(bytes)?.InboundId == inboundId;
        }

        var length = bytes[1];
        Span<byte> wanted = stackalloc byte[MaxInboundIdBytes];
        return bytes.Length >= 2 + length
            && Encoding.UTF8.TryGetBytes(inboundId, wanted, out var written)
            && bytes.AsSpan(2, length).SequenceEqual(wanted[..written]);
    }

    /// <summary>The outbox, or null when there is none or it cannot be read (an unreadable outbox only loses a replay).</summary>
    public static Outbox? Decode(byte[]? bytes)
    {
        if (bytes is not { Length: > 0 })
        {
            return null;
        }

        try
        {
            if (bytes[0] != Marker)
            {
                return JsonSerializer.Deserialize(bytes, OutboxJsonContext.Default.Outbox);
            }

            var idLength = bytes[1];
            var inboundId = Encoding.UTF8.GetString(bytes, 2, idLength);
            var header = 2 + idLength + sizeof(int);
            var jsonLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(2 + idLength));
            var json = new byte[jsonLength];
            if (!BrotliDecoder.TryDecompress(bytes.AsSpan(header), json, out var written) || written != jsonLength)
            {
                return null;
            }

            return JsonSerializer.Deserialize(json, OutboxJsonContext.Default.Outbox) is { } outbox ? outbox with { InboundId = inboundId } : null;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or IndexOutOfRangeException or OverflowException)
        {
            return null;
        }
    }
}
