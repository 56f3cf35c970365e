using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Bot.Host.Storage.Encryption;

/// <summary>
/// Encrypts what the bot keeps about students (AES-256-GCM) before it reaches Redis, and decrypts it on the way back, so a
/// Redis dump, its append-only file or a backup shows no name, passport or UI number, photo or scan. A sealed value is
/// <c>0xAE, key id length, key id (ASCII), 12-byte nonce, 16-byte tag, ciphertext</c>: the key id travels with it, so a key can
/// be rotated (add a key, make it active: old values still open with the old one until they are written again or
/// re-encrypted by <c>rewrap</c>). Each value is bound to a context — normally its Redis key — so a value copied under another
/// student's key does not open. Values stored before encryption (plain JSON) are recognised and read as they are.
/// </summary>
public sealed class StorageCipher
{
    /// <summary>The format's version byte: a UTF-8 continuation byte, so no text (JSON) and no older outbox starts with it.</summary>
    public const byte Version = 0xAE;

    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private readonly Dictionary<string, byte[]> keys;
    private readonly byte[] activeHeader;

    public StorageCipher(IOptions<StorageEncryptionOptions> options)
    {
        var value = options.Value;
        keys = value.EncryptionKeys.ToDictionary(k => k.Key, k => StorageEncryptionOptionsValidator.Decode(k.Value)!, StringComparer.Ordinal);
        ActiveKeyId = value.ActiveId!;
        activeHeader = Header(ActiveKeyId);
    }

    /// <summary>The key new values are sealed with.</summary>
    public string ActiveKeyId { get; }

    /// <summary>Bytes a sealed value has on top of its plaintext.</summary>
    public int Overhead => activeHeader.Length + NonceBytes + TagBytes;

    /// <summary>Whether <paramref name="value"/> is in this format (else: stored before encryption).</summary>
    public static bool IsSealed(ReadOnlySpan<byte> value) => value.Length > 2 && value[0] == Version;

    /// <summary>The id of the key a sealed value was sealed with; null when it is not sealed.</summary>
    public static string? KeyIdOf(ReadOnlySpan<byte> value) =>
        IsSealed(value) && value.Length >= 2 + value[1] ? Encoding.ASCII.GetString(value.Slice(2, value[1])) : null;

    /// <summary>Sealed with the active key: nothing for <c>rewrap</c> to do.</summary>
    public bool IsCurrent(ReadOnlySpan<byte> value) => KeyIdOf(value) == ActiveKeyId;

    /// <summary>
    /// A keyed, deterministic token of <paramref name="value"/> (HMAC-SHA256 under a key derived from the active key for
    /// <paramref name="purpose"/>, 12 bytes as hex): lets an index find equal values (the roster's name search, its
    /// tombstones) without holding them. Tokens change with the active key: indexes of tokens are rebuilt after a rotation.
    /// </summary>
    public string Token(string purpose, string value)
    {
        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, keys[ActiveKeyId], 32, info: Encoding.UTF8.GetBytes("arc-token\n" + purpose));
        return Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value)).AsSpan(0, 12)).ToLowerInvariant();
    }

    public byte[] Seal(ReadOnlySpan<byte> plaintext, string context)
    {
        var header = activeHeader;
        var sealedValue = new byte[header.Length + NonceBytes + TagBytes + plaintext.Length];
        header.CopyTo(sealedValue, 0);
        var nonce = sealedValue.AsSpan(header.Length, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        var associated = AssociatedData(header, context, out var length);
        try
        {
            using var aes = new AesGcm(keys[ActiveKeyId], TagBytes);
            aes.Encrypt(nonce, plaintext, sealedValue.AsSpan(header.Length + NonceBytes + TagBytes), sealedValue.AsSpan(header.Length + NonceBytes, TagBytes), associated.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(associated);
        }

        return sealedValue;
    }

    public byte[] Seal(string plaintext, string context) => Seal(Encoding.UTF8.GetBytes(plaintext), context);

    /// <summary>
    /// The plaintext of a sealed value. Throws <see cref="StorageKeyMissingException"/> when its key is not configured, and
    /// <see cref="CryptographicException"/> when it was changed, cut, or moved from another context (nothing is returned then).
    /// </summary>
    public byte[] Open(ReadOnlySpan<byte> sealedValue, string context)
    {
        if (!IsSealed(sealedValue) || sealedValue.Length < 2 + sealedValue[1] + NonceBytes + TagBytes)
        {
            throw new CryptographicException("A stored value is not in the encrypted format, or is cut short.");
        }

        var headerLength = 2 + sealedValue[1];
        var keyId = Encoding.ASCII.GetString(sealedValue.Slice(2, sealedValue[1]));
        if (!keys.TryGetValue(keyId, out var key))
        {
            throw new StorageKeyMissingException(keyId);
        }

        var ciphertext = sealedValue[(headerLength + NonceBytes + TagBytes)..];
        var plaintext = new byte[ciphertext.Length];
        var associated = AssociatedData(sealedValue[..headerLength], context, out var length);
        try
        {
            using var aes = new AesGcm(key, TagBytes);
            aes.Decrypt(sealedValue.Slice(headerLength, NonceBytes), ciphertext, sealedValue.Slice(headerLength + NonceBytes, TagBytes), plaintext, associated.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(associated);
        }

        return plaintext;
    }

    /// <summary>A stored value as plaintext: opened when sealed, as it is when stored before encryption; null stays null.</summary>
    public byte[]? OpenOrPlain(byte[]? stored, string context) => stored is null ? null : IsSealed(stored) ? Open(stored, context) : stored;

    private static byte[] Header(string keyId)
    {
        var id = Encoding.ASCII.GetBytes(keyId);
        return [Version, (byte)id.Length, .. id];
    }

    /// <summary>The header (version and key id) and the context, authenticated with the ciphertext; a rented array, returned by the caller.</summary>
    private static byte[] AssociatedData(ReadOnlySpan<byte> header, string context, out int length)
    {
        length = header.Length + Encoding.UTF8.GetByteCount(context);
        var rented = ArrayPool<byte>.Shared.Rent(length);
        header.CopyTo(rented);
        Encoding.UTF8.GetBytes(context, rented.AsSpan(header.Length));
        return rented;
    }
}

/// <summary>A stored value was encrypted with a key that is not configured (removed too early, or a typo in its id).</summary>
public sealed class StorageKeyMissingException(string keyId)
    : CryptographicException($"A stored value was encrypted with key '{keyId}', which is not configured: add Storage:EncryptionKeys:{keyId} back (keep a retired key until `rewrap` has re-encrypted everything it encrypted).")
{
    public string KeyId { get; } = keyId;
}
