using Xunit;

namespace Bot.Tests.Infrastructure;

/// <summary>One redis-server shared by every test in the "redis" collection; tests call FlushAsync to start clean.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    public const string NotInstalledMessage =
        "redis-server was not found on PATH or at /usr/bin/redis-server. " +
        "Host tests use a real Redis: install it with `sudo apt-get install redis-server`.";

    private RedisServer? _server;

    public RedisServer Server => _server ?? throw new InvalidOperationException("The Redis fixture has not started.");

    public string ConnectionString => Server.ConnectionString;

    public Task FlushAsync() => Server.FlushAsync();

    public async Task InitializeAsync()
    {
        if (!RedisServer.IsInstalled)
        {
            throw new InvalidOperationException(NotInstalledMessage);
        }
        _server = await RedisServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>Lets test classes share the fixture with [Collection(RedisCollection.Name)].</summary>
[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisFixture>
{
    public const string Name = "redis";
}
