namespace Bot.Bench.Engine;

/// <summary>The storage encryption key the benchmarked hosts run with (students' data is encrypted as in production).</summary>
internal static class BenchKey
{
    public const string Setting = "Storage:EncryptionKeys:bench";

    /// <summary>32 random bytes, base64: the cost measured is the same for any key.</summary>
    public static readonly string Value = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
}
