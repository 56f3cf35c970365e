using System.Security.Cryptography;
using System.Text;
using Bot.Host.Storage.Encryption;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Host;

/// <summary>The encryption of students' data in Redis: what a reader of a dump sees, tampering, a missing key, rotation.</summary>
public sealed class StorageCipherTests
{
    private const string K1 = "MTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTE=";
    private const string K2 = "MjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjI=";
    private static readonly byte[] Record = Encoding.UTF8.GetBytes("""{"a":{"surname":"NGUYEN","passport":"C1234567"}}""");

    [Fact]
    public void ASealedValueCarriesItsKeyIdInClearAndNothingOfThePlaintext()
    {
        var cipher = TestKeys.Cipher(new() { ["k1"] = K1 }, "k1");

        var sealedValue = cipher.Seal(Record, "st:{tg:1}");

        Assert.Equal(StorageCipher.Version, sealedValue[0]);
        Assert.Equal("k1", StorageCipher.KeyIdOf(sealedValue));
        Assert.Equal(Record.Length + cipher.Overhead, sealedValue.Length);
        Assert.Equal(-1, sealedValue.AsSpan().IndexOf("NGUYEN"u8));
        Assert.Equal(Record, cipher.Open(sealedValue, "st:{tg:1}"));

        // A fresh nonce each time: the same record never looks the same twice.
        Assert.NotEqual(sealedValue, cipher.Seal(Record, "st:{tg:1}"));
    }

    [Theory]
    [InlineData("ciphertext")]
    [InlineData("tag")]
    [InlineData("nonce")]
    [InlineData("cut")]
    [InlineData("key id")]
    public void RefusesAValueThatWasTamperedWith(string part)
    {
        var cipher = TestKeys.Cipher(new() { ["k1"] = K1, ["k2"] = K2 }, "k1");
        var sealedValue = cipher.Seal(Record, "st:{tg:1}");
        var header = 2 + sealedValue[1];
        switch (part)
        {
            case "ciphertext": sealedValue[^1] ^= 1; break;
            case "tag": sealedValue[header + 12] ^= 1; break;
            case "nonce": sealedValue[header] ^= 1; break;
            case "cut": sealedValue = sealedValue[..^5]; break;
            case "key id": sealedValue[3] = (byte)'2'; break;
        }

        Assert.ThrowsAny<CryptographicException>(() => cipher.Open(sealedValue, "st:{tg:1}"));
    }

    [Fact]
    public void RefusesAValueCopiedUnderAnotherStudentsKey()
    {
        var cipher = TestKeys.Cipher(new() { ["k1"] = K1 }, "k1");
        var theirs = cipher.Seal(Record, "st:{tg:1}");

        Assert.ThrowsAny<CryptographicException>(() => cipher.Open(theirs, "st:{tg:2}"));
    }

    [Fact]
    public void AValueUnderAKeyThatIsNotConfiguredFailsNamingTheSettingToAddBack()
    {
        var old = TestKeys.Cipher(new() { ["k0"] = K1 }, "k0").Seal(Record, "st:{tg:1}");
        var cipher = TestKeys.Cipher(new() { ["k2"] = K2 }, "k2");

        var error = Assert.Throws<StorageKeyMissingException>(() => cipher.Open(old, "st:{tg:1}"));

        Assert.Equal("k0", error.KeyId);
        Assert.Contains("Storage:EncryptionKeys:k0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AfterARotationOldValuesStillOpenAndNewOnesUseTheNewKey()
    {
        var before = TestKeys.Cipher(new() { ["k1"] = K1 }, "k1");
        var old = before.Seal(Record, "st:{tg:1}");
        var after = TestKeys.Cipher(new() { ["k1"] = K1, ["k2"] = K2 }, "k2");

        Assert.Equal(Record, after.Open(old, "st:{tg:1}"));
        Assert.False(after.IsCurrent(old));
        var fresh = after.Seal(Record, "st:{tg:1}");
        Assert.Equal("k2", StorageCipher.KeyIdOf(fresh));
        Assert.True(after.IsCurrent(fresh));
        Assert.Throws<StorageKeyMissingException>(() => before.Open(fresh, "st:{tg:1}"));
    }

    [Fact]
    public void AValueStoredBeforeEncryptionIsReadAsItIs()
    {
        var cipher = TestKeys.Cipher();

        Assert.False(StorageCipher.IsSealed(Record));
        Assert.Equal(Record, cipher.OpenOrPlain(Record, "st:{tg:1}"));
        Assert.Null(cipher.OpenOrPlain(null, "st:{tg:1}"));
    }
}
