using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Bot.Host.Storage.Encryption;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Bot.Host.Files;

public sealed record StoredFile(byte[] Bytes, string ContentType, string? FileName);

/// <summary>
/// Files prepared for a student (a cropped photo, a PDF) kept in Redis for a week and served at
/// <c>GET /files/{token}</c>: LINE cannot receive files, it fetches them from a link.
/// The token is the only key: 32 random bytes, so links cannot be guessed. The name and the bytes are encrypted
/// (<see cref="StorageCipher"/>, bound to the file's key) in one field, <c>enc</c>; files stored before encryption
/// (<c>name</c> and <c>data</c> in clear) are still served until they expire.
/// </summary>
public sealed class FileStore(IConnectionMultiplexer redis, IOptions<BotOptions> bot, StorageCipher cipher)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <summary>Base64url of 32 bytes, without padding.</summary>
    public const int TokenLength = 43;

    public static RedisKey Key(string token) => "file:" + token;

    /// <summary>Stores the bytes and returns their public link.</summary>
    public async Task<string> StoreAsync(byte[] bytes, string contentType, string? fileName)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var transaction = redis.GetDatabase().CreateTransaction();
        _ = transaction.HashSetAsync(Key(token), [new("type", contentType), new("enc", Seal(token, fileName, bytes))]);
        _ = transaction.KeyExpireAsync(Key(token), Lifetime);
        await transaction.ExecuteAsync();
        return bot.Value.Link("/files/" + token);
    }

    public async Task<StoredFile?> ReadAsync(string token)
    {
        if (token.Length != TokenLength || !Base64Url.IsValid(token))
        {
            return null;
        }

        var fields = await redis.GetDatabase().HashGetAsync(Key(token), ["type", "enc", "name", "data"]);
        var type = (string?)fields[0] ?? "application/octet-stream";
        if (!fields[1].IsNull)
        {
            var (name, bytes) = Open(token, (byte[])fields[1]!);
            return new StoredFile(bytes, type, name);
        }

        if (fields[3].IsNull)
        {
            return null;
        }

        var plainName = (string?)fields[2];
        return new StoredFile((byte[])fields[3]!, type, string.IsNullOrEmpty(plainName) ? null : plainName);
    }

    /// <summary>The name (its UTF-8 length first, 2 bytes) and the bytes, sealed together.</summary>
    internal byte[] Seal(string token, string? fileName, byte[] bytes)
    {
        var name = Encoding.UTF8.GetBytes(fileName ?? string.Empty);
        var plain = new byte[2 + name.Length + bytes.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(plain, (ushort)name.Length);
        name.CopyTo(plain, 2);
        bytes.CopyTo(plain, 2 + name.Length);
        return cipher.Seal(plain, Key(token).ToString());
    }

    internal (string? Name, byte[] Bytes) Open(string token, byte[] sealedValue)
    {
        var plain = cipher.Open(sealedValue, Key(token).ToString());
        var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(plain);
        var name = Encoding.UTF8.GetString(plain, 2, nameLength);
        return (name.Length == 0 ? null : name, plain[(2 + nameLength)..]);
    }
}
