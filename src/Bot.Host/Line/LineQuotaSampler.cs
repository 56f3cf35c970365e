using Bot.Host.Telemetry;
using Microsoft.Extensions.Options;

namespace Bot.Host.Line;

/// <summary>Asks LINE for the month's quota and what is used of it (two Messaging API calls, every few minutes).</summary>
public sealed class LineQuotaSampler(LineMessagingClient client, LineMetrics metrics, IOptions<TelemetryOptions> options) : IGaugeSampler
{
    private static readonly TimeSpan AfterStart = TimeSpan.FromMinutes(1);

    public TimeSpan Every => options.Value.LineQuotaRefresh;

    /// <summary>Not at start: a host that just started calls LINE only for what students and its registration need.</summary>
    public TimeSpan FirstAfter => Every < AfterStart ? Every : AfterStart;

    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        var quota = await client.GetQuotaAsync(cancellationToken);
        var used = await client.GetQuotaConsumptionAsync(cancellationToken);
        metrics.Quota(quota.Type == "limited" ? quota.Value : null, used.TotalUsage);
    }
}
