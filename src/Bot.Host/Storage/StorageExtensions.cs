using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Bot.Host.Storage;

public static class StorageExtensions
{
    /// <summary>Redis holds all state, so any number of hosts can serve the same students.</summary>
    public static WebApplicationBuilder AddRedisState(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RedisOptions>()
            .Configure<IConfiguration>((o, c) => o.ConnectionString = c.GetConnectionString("Redis") ?? string.Empty)
            .ValidateDataAnnotations()
            .Validate(o => IsParseable(o.ConnectionString), "ConnectionStrings:Redis is not a valid Redis connection string.")
            .ValidateOnStart();
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // Students' data is encrypted before it reaches Redis, with keys from configuration (Storage:EncryptionKeys:<id>).
        builder.Services.AddOptions<Encryption.StorageEncryptionOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<Encryption.StorageEncryptionOptions>, Encryption.StorageEncryptionOptionsValidator>();
        builder.Services.AddSingleton<Encryption.StorageCipher>();
        builder.Services.AddSingleton<Encryption.IStorageRewrapper, StudentDataRewrap>();

        builder.Services.AddSingleton<IConnectionMultiplexer>(sp =>
        {
            var configuration = ConfigurationOptions.Parse(sp.GetRequiredService<IOptions<RedisOptions>>().Value.ConnectionString);

            // Keep retrying in the background: the host starts (and /healthz says 503) while Redis is down.
            configuration.AbortOnConnectFail = false;
            return ConnectionMultiplexer.Connect(configuration);
        });
        builder.Services.AddSingleton<StudentStore>();

        // Refuse a Redis that may evict keys (first of the hosted services, so nothing runs before it).
        builder.Services.AddHostedService<RedisEvictionCheck>();

        // Shared indexes and marks are pruned of students who are gone (each feature registers its IIndexPruner).
        builder.Services.AddSingleton<IIndexPruner, StudentsIndexPruner>();
        builder.Services.AddHostedService<IndexPruning>();
        return builder;
    }

    private static bool IsParseable(string value)
    {
        try
        {
            return ConfigurationOptions.Parse(value).EndPoints.Count > 0;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

/// <summary>The connection string is read from <c>ConnectionStrings:Redis</c> (env: <c>ConnectionStrings__Redis</c>).</summary>
public sealed class RedisOptions
{
    [Required(ErrorMessage = "ConnectionStrings:Redis is required (e.g. 127.0.0.1:6379).")]
    public string ConnectionString { get; set; } = string.Empty;
}
