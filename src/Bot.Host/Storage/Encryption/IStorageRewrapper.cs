using StackExchange.Redis;

namespace Bot.Host.Storage.Encryption;

/// <summary>
/// A feature's encrypted values in Redis, re-encrypted with the active key by the <c>rewrap</c> command (after a key
/// rotation, or to encrypt at once what was stored before encryption). Each value is replaced only if it did not change
/// meanwhile (a turn that wrote it has already used the active key), so rewrap runs beside live hosts.
/// </summary>
public interface IStorageRewrapper
{
    /// <summary>What it rewraps, for the report (e.g. "student records").</summary>
    string Name { get; }

    Task<RewrapCount> RewrapAsync(CancellationToken cancellationToken);
}

/// <param name="Rewritten">Re-encrypted with the active key (or encrypted for the first time).</param>
/// <param name="Current">Already encrypted with the active key.</param>
/// <param name="Changed">Written by someone else meanwhile (so with the active key): left alone.</param>
/// <param name="Left">Still under a retired key (its key is not configured, or it cannot be rewritten in place): keep that key.</param>
public sealed record RewrapCount(long Rewritten = 0, long Current = 0, long Changed = 0, long Left = 0)
{
    public static RewrapCount operator +(RewrapCount a, RewrapCount b) =>
        new(a.Rewritten + b.Rewritten, a.Current + b.Current, a.Changed + b.Changed, a.Left + b.Left);

    public override string ToString() => $"{Rewritten} re-encrypted, {Current} already current, {Changed} changed meanwhile, {Left} left under a retired key";
}

/// <summary>What every rewrapper needs: the student a key belongs to, and compare-and-set writes (keys come from <see cref="RedisScan"/>).</summary>
public static class Rewrap
{
    /// <summary>The student a key like <c>st:{tg:123}</c> or <c>adv:msgs:{line:U…}</c> belongs to (its hash tag).</summary>
    public static StudentKey? StudentOf(RedisKey key)
    {
        var text = key.ToString();
        var open = text.IndexOf('{', StringComparison.Ordinal);
        var close = text.IndexOf('}', open + 1);
        return open >= 0 && close > open && StudentKey.TryParse(text[(open + 1)..close], out var student) ? student : null;
    }

    /// <summary>Replaces a string value if it is still <paramref name="old"/>, keeping its expiry.</summary>
    public static async Task<bool> SetIfUnchangedAsync(IDatabase db, RedisKey key, byte[] old, byte[] replacement) =>
        (long)await db.ScriptEvaluateAsync(SetIfUnchanged, [key], [old, replacement]) == 1;

    /// <summary>Replaces a hash field if it is still <paramref name="old"/>, then deletes <paramref name="drop"/> (fields it replaces).</summary>
    public static async Task<bool> SetFieldIfUnchangedAsync(IDatabase db, RedisKey key, string field, byte[] old, string newField, byte[] replacement, params string[] drop) =>
        (long)await db.ScriptEvaluateAsync(SetFieldIfUnchanged, [key], [field, old, newField, replacement, .. drop.Select(d => (RedisValue)d)]) == 1;

    /// <summary>Replaces a list item if the item at <paramref name="index"/> is still <paramref name="old"/>.</summary>
    public static async Task<bool> SetItemIfUnchangedAsync(IDatabase db, RedisKey key, long index, byte[] old, byte[] replacement) =>
        (long)await db.ScriptEvaluateAsync(SetItemIfUnchanged, [key], [index, old, replacement]) == 1;

    /// <summary>Rewraps one value: current, re-sealed (if still unchanged), or left when it cannot be read.</summary>
    public static async Task<RewrapCount> OneAsync(Func<byte[]?> reseal, Func<byte[], Task<bool>> write)
    {
        byte[]? replacement;
        try
        {
            replacement = reseal();
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return new RewrapCount(Left: 1);
        }

        return replacement is null ? new RewrapCount(Current: 1) : await write(replacement) ? new RewrapCount(Rewritten: 1) : new RewrapCount(Changed: 1);
    }

    private const string SetIfUnchanged = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL')
          return 1
        end
        return 0
        """;

    private const string SetFieldIfUnchanged = """
        if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then
          redis.call('HSET', KEYS[1], ARGV[3], ARGV[4])
          for i = 5, #ARGV do redis.call('HDEL', KEYS[1], ARGV[i]) end
          return 1
        end
        return 0
        """;

    private const string SetItemIfUnchanged = """
        if redis.call('LINDEX', KEYS[1], ARGV[1]) == ARGV[2] then
          redis.call('LSET', KEYS[1], ARGV[1], ARGV[3])
          return 1
        end
        return 0
        """;
}
