using Bot.Host.Telemetry;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Bot.Host.Advisors;

/// <summary>
/// Counts the students by stage without a scan per scrape: one host at a time (a Redis lease) counts them on the advisors'
/// roster (<see cref="Roster.RosterOverview"/>: sorted-set counts, no record read) every <c>Metrics:StudentCountInterval</c>
/// and writes the counts to <c>stats:students</c>; every host's gauge reads that hash (one small read per refresh). Until the
/// first count the gauge has no series.
/// </summary>
public sealed class StudentStageSampler(IConnectionMultiplexer redis, Roster.RosterOverview overview, StudentStageMetrics metrics, IOptions<TelemetryOptions> options) : IGaugeSampler
{
    public static readonly RedisKey Counts = "stats:students";

    private static readonly RedisKey CountLease = "stats:students:lease";

    public TimeSpan Every => TimeSpan.FromSeconds(options.Value.GaugeRefreshSeconds);

    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var countEvery = options.Value.StudentCountInterval;
        if (await db.StringSetAsync(CountLease, Environment.MachineName, countEvery, When.NotExists))
        {
            var stages = (await overview.ReadAsync(scope: null)).Stages;
            var byStage = Enum.GetValues<CaseStep>().Select(stage => new HashEntry(StudentStageMetrics.Tag(stage), stages.GetValueOrDefault(stage)));
            await db.HashSetAsync(Counts, [.. byStage]);
        }

        var stored = await db.HashGetAllAsync(Counts);
        var counts = new Dictionary<CaseStep, long>();
        foreach (var stage in Enum.GetValues<CaseStep>())
        {
            if (stored.FirstOrDefault(e => e.Name == StudentStageMetrics.Tag(stage)) is { Value.HasValue: true } entry)
            {
                counts[stage] = (long)entry.Value;
            }
        }

        metrics.Counted(counts);
    }
}
