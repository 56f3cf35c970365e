using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Bot.Host.Files;

public sealed record StoredFile(byte[] Bytes, string ContentType, string? FileName);

/// <summary>
/// Files prepared for a student (a cropped photo, a PDF) kept in Redis for a week and served at
/// <c>GET /files/{token}</c>: LINE cannot receive files, it fetches them from a link.
/// The token is the only key: 32 random bytes, so links cannot be guessed.
/// </summary>
public sealed class FileStore(IConnectionMultiplexer redis, IOptions<BotOptions> bot)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <summary>Base64url of 32 bytes, without padding.</summary>
    public const int TokenLength = 43;

    private static RedisKey Key(string token) => "file:" + token;

    /// <summary>Stores the bytes and returns their public link.</summary>
    public async Task<string> StoreAsync(byte[] bytes, string contentType, string? fileName)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var transaction = redis.GetDatabase().CreateTransaction();
        _ = transaction.HashSetAsync(Key(token), [new("type", contentType), new("name", fileName ?? string.Empty), new("data", bytes)]);
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

        var fields = await redis.GetDatabase().HashGetAsync(Key(token), ["type", "name", "data"]);
        if (fields[2].IsNull)
        {
            return null;
        }

        var name = (string?)fields[1];
        return new StoredFile((byte[])fields[2]!, (string?)fields[0] ?? "application/octet-stream", string.IsNullOrEmpty(name) ? null : name);
    }
}
