using Xunit;

namespace Bot.Tests.Infrastructure;

/// <summary>
/// One Redis shared by every test in the "redis" collection: a single redis-server. <see cref="RedisClusterFixture"/> is
/// the same for the "redis-cluster" collection on a 3-master Redis Cluster. Tests call FlushAsync to start clean.
/// </summary>
public class RedisFixture : IAsyncLifetime
{
    public const string NotInstalledMessage =
        "redis-server was not found on PATH or at /usr/bin/redis-server. " +
        "Host tests use a real Redis: install it with `sudo apt-get install redis-server`.";

    private RedisServer? server;
    private RedisCluster? cluster;

    /// <summary>True when this is a Redis Cluster: keys of different hash slots live on different nodes.</summary>
    public virtual bool IsCluster => false;

    public string ConnectionString =>
        cluster?.ConnectionString ?? server?.ConnectionString ?? throw new InvalidOperationException("The Redis fixture has not started.");

    public Task FlushAsync() =>
        cluster?.FlushAsync() ?? server?.FlushAsync() ?? throw new InvalidOperationException("The Redis fixture has not started.");

    public async Task InitializeAsync()
    {
        if (!RedisServer.IsInstalled)
        {
            throw new InvalidOperationException(NotInstalledMessage);
        }

        if (IsCluster)
        {
            cluster = await RedisCluster.StartAsync();
        }
        else
        {
            server = await RedisServer.StartAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }
}

/// <summary>A 3-master Redis Cluster shared by every test in the "redis-cluster" collection.</summary>
public sealed class RedisClusterFixture : RedisFixture
{
    public override bool IsCluster => true;
}

/// <summary>Lets test classes share the fixture with [Collection(RedisCollection.Name)].</summary>
[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisFixture>
{
    public const string Name = "redis";
}

/// <summary>Test classes that run again on a Redis Cluster: [Collection(RedisClusterCollection.Name)] (see Cluster/).</summary>
[CollectionDefinition(Name)]
public sealed class RedisClusterCollection : ICollectionFixture<RedisClusterFixture>
{
    public const string Name = "redis-cluster";
}
