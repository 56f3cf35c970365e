using System.Security.Cryptography;
using System.Text;
using Bot.Host.Line;
using Xunit;

namespace Bot.Tests.Line;

public sealed class LineSignatureTests
{
    private const string Secret = "8c570fa6dd201bb328f1c1eac23a96d8";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"destination":"U0123","events":[]}""");

    [Fact]
    public void AcceptsTheSignatureLineComputes() =>
        Assert.True(LineSignature.IsValid(Body, Sign(Body, Secret), Secret));

    [Fact]
    public void RefusesASignatureMadeWithAnotherSecret() =>
        Assert.False(LineSignature.IsValid(Body, Sign(Body, "another-secret"), Secret));

    [Fact]
    public void RefusesABodyChangedAfterSigning()
    {
        var signature = Sign(Body, Secret);
        var tampered = Encoding.UTF8.GetBytes("""{"destination":"U0124","events":[]}""");
        Assert.False(LineSignature.IsValid(tampered, signature, Secret));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64 !!")]
    [InlineData("AAAA")]
    public void RefusesAMissingOrMalformedHeader(string? header) =>
        Assert.False(LineSignature.IsValid(Body, header, Secret));

    [Fact]
    public void RefusesEverythingWhenTheSecretIsEmpty() =>
        Assert.False(LineSignature.IsValid(Body, Sign(Body, ""), ""));

    [Fact]
    public void ComputeMatchesAnIndependentHmac() =>
        Assert.Equal(Sign(Body, Secret), LineSignature.Compute(Body, Secret));

    private static string Sign(byte[] body, string secret) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
