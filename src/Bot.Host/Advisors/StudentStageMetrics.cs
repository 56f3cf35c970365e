using System.Diagnostics.Metrics;
using Bot.Host.Telemetry;

namespace Bot.Host.Advisors;

/// <summary>Students by the stage advisors filter by (<see cref="CaseStep"/>), as last counted by <see cref="StudentStageSampler"/>.</summary>
public sealed class StudentStageMetrics
{
    private IReadOnlyDictionary<CaseStep, long> counts = new Dictionary<CaseStep, long>();

    public StudentStageMetrics(ArcMeter meter) =>
        meter.Gauge("arc_helper.students", "{student}", "Students known to the bot by case stage (counted every few minutes by one host).", Observe, "stage");

    public static string Tag(CaseStep stage) => stage.ToString().ToLowerInvariant();

    internal void Counted(IReadOnlyDictionary<CaseStep, long> byStage) => Volatile.Write(ref counts, byStage);

    private IEnumerable<Measurement<double>> Observe() =>
        Volatile.Read(ref counts).Select(c => new Measurement<double>(c.Value, new KeyValuePair<string, object?>("stage", Tag(c.Key))));
}
