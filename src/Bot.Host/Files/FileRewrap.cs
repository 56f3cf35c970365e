using Bot.Host.Storage.Encryption;
using Bot.Host.Storage;
using StackExchange.Redis;

namespace Bot.Host.Files;

/// <summary>Files served to students (<c>file:…</c>) re-encrypted with the active key; files stored in clear are encrypted.</summary>
public sealed class FileRewrap(IConnectionMultiplexer redis, FileStore files, StorageCipher cipher) : IStorageRewrapper
{
    public string Name => "files served to students";

    public async Task<RewrapCount> RewrapAsync(CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var total = new RewrapCount();
        await foreach (var key in RedisScan.KeysAsync(redis, "file:*").WithCancellation(cancellationToken))
        {
            var token = key.ToString()["file:".Length..];
            var fields = await db.HashGetAsync(key, ["enc", "name", "data"]);
            if ((byte[]?)fields[0] is { } sealedValue)
            {
                total += await Rewrap.OneAsync(
                    () => cipher.IsCurrent(sealedValue) ? null : Reseal(token, sealedValue),
                    replacement => Rewrap.SetFieldIfUnchangedAsync(db, key, "enc", sealedValue, "enc", replacement));
            }
            else if ((byte[]?)fields[2] is { } plain)
            {
                var name = (string?)fields[1];
                total += await Rewrap.OneAsync(
                    () => files.Seal(token, string.IsNullOrEmpty(name) ? null : name, plain),
                    replacement => Rewrap.SetFieldIfUnchangedAsync(db, key, "data", plain, "enc", replacement, "data", "name"));
            }
        }

        return total;
    }

    private byte[] Reseal(string token, byte[] sealedValue)
    {
        var (name, bytes) = files.Open(token, sealedValue);
        return files.Seal(token, name, bytes);
    }
}
