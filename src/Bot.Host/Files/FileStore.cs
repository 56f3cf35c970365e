using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Bot.Host.Conversation;
using Bot.Host.Storage;
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
/// (<c>name</c> and <c>data</c> in clear) are still served until they expire. Each student's tokens are listed in
/// <c>files:{line:U…}</c> (same lifetime), so /delete and the retention rules find every file of a student.
/// </summary>
public sealed class FileStore(IConnectionMultiplexer redis, IOptions<BotOptions> bot, StorageCipher cipher) : IStudentDataEraser
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <summary>Base64url of 32 bytes, without padding.</summary>
    public const int TokenLength = 43;

    public static RedisKey Key(string token) => "file:" + token;

    /// <summary>The tokens of a student's files.</summary>
    public static RedisKey OwnerKey(StudentKey student) => "files:" + student.Tag;

    /// <summary>Stores the bytes for <paramref name="owner"/> and returns their public link.</summary>
    public async Task<string> StoreAsync(StudentKey owner, byte[] bytes, string contentType, string? fileName)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var db = redis.GetDatabase();

        // Listed first (the file and the list live in different cluster slots, so no transaction spans them): a file is
        // never stored without its owner knowing, at worst the list names a file that was never stored.
        var list = db.CreateTransaction();
        _ = list.SetAddAsync(OwnerKey(owner), token);
        _ = list.KeyExpireAsync(OwnerKey(owner), Lifetime);
        await list.ExecuteAsync();
        var file = db.CreateTransaction();
        _ = file.HashSetAsync(Key(token), [new("type", contentType), new("enc", Seal(token, fileName, bytes))]);
        _ = file.KeyExpireAsync(Key(token), Lifetime);
        await file.ExecuteAsync();
        return bot.Value.Link("/files/" + token);
    }

    /// <summary>Deletes every file of the student (/delete, a completed case) and their list.</summary>
    public async Task DeleteAllAsync(StudentKey student)
    {
        var db = redis.GetDatabase();
        var tokens = await db.SetMembersAsync(OwnerKey(student));
        await Task.WhenAll(tokens.Select(t => db.KeyDeleteAsync(Key(t.ToString()))));
        await db.KeyDeleteAsync(OwnerKey(student));
    }

    public Task EraseAsync(StudentKey student, CancellationToken cancellationToken) => DeleteAllAsync(student);

    /// <summary>
    /// A file the student (or LINE, for them) has fetched stays only <see cref="DownloadGrace"/> longer, never beyond its
    /// 7 days: long enough for LINE's preview and full-size fetches and a second tap, no longer than needed.
    /// </summary>
    public static readonly TimeSpan DownloadGrace = TimeSpan.FromHours(1);

    /// <summary>Shortens a fetched file's life to <see cref="DownloadGrace"/> (never lengthens it).</summary>
    public Task MarkDownloadedAsync(string token) =>
        redis.GetDatabase().ScriptEvaluateAsync(ShortenScript, [Key(token)], [(long)DownloadGrace.TotalMilliseconds]);

    // EXPIRE … LT needs Redis 7; this runs on any.
    private const string ShortenScript = "if redis.call('PTTL', KEYS[1]) > tonumber(ARGV[1]) then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return 0";

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
