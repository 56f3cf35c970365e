using Bot.Host.Storage.Encryption;

namespace Bot.Tests.Infrastructure;

/// <summary>The storage encryption key every test host runs with (a fixed one: tests are about behaviour, not secrecy).</summary>
public static class TestKeys
{
    public const string Id = "test";

    /// <summary>32 bytes, base64.</summary>
    public const string Key = "dGVzdC1rZXktMzItYnl0ZXMtb2YtZW50cm9weS0wMDE=";

    /// <summary>The configuration a host needs, to merge into its settings.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["Storage:EncryptionKeys:" + Id] = Key,
        ["Storage:ActiveKeyId"] = Id,
    };

    public static StorageCipher Cipher() => Cipher(new Dictionary<string, string> { [Id] = Key }, Id);

    public static StorageCipher Cipher(Dictionary<string, string> keys, string active) =>
        new(Microsoft.Extensions.Options.Options.Create(new StorageEncryptionOptions { EncryptionKeys = keys, ActiveKeyId = active }));
}
