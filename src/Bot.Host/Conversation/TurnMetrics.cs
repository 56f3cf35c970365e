using System.Diagnostics.Metrics;
using Bot.Host.Telemetry;

namespace Bot.Host.Conversation;

/// <summary>Turns by channel and outcome, and how long each took (Redis, the dialog, uploads; not the sending).</summary>
public sealed class TurnMetrics
{
    /// <summary>The dialog ran and its new state was saved (a /delete included).</summary>
    public const string Answered = "answered";

    /// <summary>A redelivered update answered from the outbox.</summary>
    public const string Replayed = "replayed";

    /// <summary>Refused by the per-student limits (turn rate, daily uploads).</summary>
    public const string Limited = "limited";

    /// <summary>Not done now (the student busy past the lease, or the lease lost): tried again.</summary>
    public const string Retry = "retry";

    public const string Failed = "failed";

    /// <summary>Cut off by the host stopping: delivered again after the restart.</summary>
    public const string Cancelled = "cancelled";

    private readonly Counter<long> turns;
    private readonly Histogram<double> duration;

    public TurnMetrics(ArcMeter meter)
    {
        turns = meter.Counter("arc_helper.turns", "{turn}", "Turns by channel and outcome (answered, replayed, limited, retry, failed, cancelled).", "channel", "outcome");
        duration = meter.Histogram("arc_helper.turn.duration", "s", "Time from taking the student to saving the turn.", Buckets.Turn, "channel", "outcome");
    }

    public void Turn(string channel, string outcome, TimeSpan elapsed)
    {
        var channelTag = new KeyValuePair<string, object?>("channel", channel);
        var outcomeTag = new KeyValuePair<string, object?>("outcome", outcome);
        turns.Add(1, channelTag, outcomeTag);
        duration.Record(elapsed.TotalSeconds, channelTag, outcomeTag);
    }

    public static string OutcomeOf(TurnOutcome? outcome) => outcome switch
    {
        null => Retry,
        { Replayed: true } => Replayed,
        { State: not null } => Answered,
        { Effects: var effects } when effects.HasFlag(Bot.Dialogs.Conversation.TurnEffects.EraseStudent) => Answered,
        _ => Limited,
    };
}
