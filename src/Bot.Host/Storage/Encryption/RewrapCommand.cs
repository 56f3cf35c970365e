namespace Bot.Host.Storage.Encryption;

/// <summary>
/// <c>dotnet Bot.Host.dll rewrap</c>: re-encrypts everything in Redis with the active key (same configuration as the host),
/// prints what it did, and exits 0 when nothing is left under a retired key (which may then be removed), 1 otherwise.
/// Safe beside running hosts; run it again when values were in flight.
/// </summary>
public static class RewrapCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        await using var app = BotApp.Create(args);
        var cipher = app.Services.GetRequiredService<StorageCipher>();
        var total = new RewrapCount();
        Console.WriteLine($"Re-encrypting with key '{cipher.ActiveKeyId}'.");
        foreach (var rewrapper in app.Services.GetServices<IStorageRewrapper>())
        {
            var count = await rewrapper.RewrapAsync(CancellationToken.None);
            Console.WriteLine($"{rewrapper.Name}: {count}");
            total += count;
        }

        Console.WriteLine(total.Left == 0
            ? $"Done: everything is encrypted with '{cipher.ActiveKeyId}'; retired keys may be removed."
            : $"{total.Left} values are still under a retired key: keep it configured (run rewrap again in a minute for inbox entries in flight).");
        return total.Left == 0 ? 0 : 1;
    }
}
