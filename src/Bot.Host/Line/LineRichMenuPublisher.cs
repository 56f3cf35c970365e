using Bot.Dialogs.Messages;
using StackExchange.Redis;

namespace Bot.Host.Line;

/// <summary>
/// At start, makes sure LINE has this version's rich menu for every catalogue language (<see cref="LineRichMenuDesign"/>),
/// the English one as the default, and none of our older ones. Idempotent across restarts and hosts: a menu's id is kept
/// in Redis under its design's hash (<see cref="LineRichMenuLinks"/>) and reused while LINE still has it; a host creates a
/// missing one only under a Redis lock, so two hosts starting together do not both create it. Any failure (LINE, Redis)
/// is logged and the whole check retried with back-off (1 s doubling to 30 s); the host runs on meanwhile.
/// </summary>
public sealed class LineRichMenuPublisher(
    LineMessagingClient line,
    IConnectionMultiplexer redis,
    TimeProvider time,
    ILogger<LineRichMenuPublisher> logger) : BackgroundService
{
    /// <summary>The menu of students who have not chosen a language yet.</summary>
    public static readonly Language DefaultLanguage = Language.English;

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    /// <summary>Longer than creating and uploading one menu takes; a host that dies holding it delays the others this long at most.</summary>
    private static readonly TimeSpan CreationLockTime = TimeSpan.FromMinutes(2);

    private readonly string owner = Guid.NewGuid().ToString("N");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PublishAsync(stoppingToken);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (RichMenuBusyException busy)
            {
                LineLog.RichMenuBeingCreated(logger, busy.Name, backoff);
            }
            catch (Exception e) when (e is LineApiException or HttpRequestException or RedisException or TimeoutException or OperationCanceledException or ImageMagick.MagickException)
            {
                LineLog.RichMenusFailed(logger, backoff, e);
            }

            await Task.Delay(backoff, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }

    private async Task PublishAsync(CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var existing = await line.GetRichMenuListAsync(cancellationToken);
        var ids = new Dictionary<Language, string>();
        var created = 0;
        foreach (var design in Languages.All.Select(l => LineRichMenuDesign.For(l)))
        {
            var id = (string?)await db.StringGetAsync(LineRichMenuLinks.ByDesign(design.Hash));
            if (id is null || !existing.Any(m => m.RichMenuId == id))
            {
                id = await CreateAsync(design, db, cancellationToken);
                created++;
            }

            ids[design.Language] = id;
        }

        await db.HashSetAsync(LineRichMenuLinks.Current, [.. ids.Select(i => new HashEntry(i.Key.Code(), i.Value))]);
        var defaultId = ids.GetValueOrDefault(DefaultLanguage) ?? ids.Values.First();
        if (await line.GetDefaultRichMenuIdAsync(cancellationToken) != defaultId)
        {
            await line.SetDefaultRichMenuAsync(defaultId, cancellationToken);
        }

        var obsolete = existing.Where(m => m.Name.StartsWith(LineRichMenuDesign.NamePrefix, StringComparison.Ordinal) && !ids.ContainsValue(m.RichMenuId)).ToList();
        foreach (var menu in obsolete)
        {
            await line.DeleteRichMenuAsync(menu.RichMenuId, cancellationToken);
        }

        LineLog.RichMenusReady(logger, created, ids.Count - created, obsolete.Count);
    }

    /// <summary>Creates the menu and uploads its image under the design's lock; a menu left without its image is deleted again.</summary>
    private async Task<string> CreateAsync(LineRichMenuDesign design, IDatabase db, CancellationToken cancellationToken)
    {
        var key = LineRichMenuLinks.ByDesign(design.Hash);
        var creationLock = LineRichMenuLinks.CreationLock(design.Hash);
        if (!await db.LockTakeAsync(creationLock, owner, CreationLockTime))
        {
            throw new RichMenuBusyException(design.Name);
        }

        try
        {
            // Another host may have finished it between our first look and the lock.
            if ((string?)await db.StringGetAsync(key) is { } made && (await line.GetRichMenuListAsync(cancellationToken)).Any(m => m.RichMenuId == made))
            {
                return made;
            }

            var id = await line.CreateRichMenuAsync(design.Request, cancellationToken);
            try
            {
                await line.UploadRichMenuImageAsync(id, LineRichMenuImage.Draw(design), LineRichMenuImage.ContentType, cancellationToken);
                await db.StringSetAsync(key, id);
                return id;
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                await DeleteQuietlyAsync(id);
                throw;
            }
        }
        finally
        {
            await db.LockReleaseAsync(creationLock, owner);
        }
    }

    private async Task DeleteQuietlyAsync(string id)
    {
        try
        {
            await line.DeleteRichMenuAsync(id, CancellationToken.None);
        }
        catch (Exception e) when (e is LineApiException or HttpRequestException or TimeoutException)
        {
            // Left for the next start: its name marks it as ours, and no design's key points at it, so it is deleted then.
            LineLog.CallFailed(logger, "delete rich menu", e);
        }
    }

    private sealed class RichMenuBusyException(string name) : Exception($"Another host is creating the rich menu {name}.")
    {
        public string Name { get; } = name;
    }
}
