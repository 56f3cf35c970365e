using System.Diagnostics;
using Bot.Host.Telemetry;

namespace Bot.Host.Conversation;

/// <summary>
/// The span of one attempt at an inbound: the turn, its Redis round trips and the send are its children. An inbound
/// from the inbox continues the webhook's trace (its context travels in the entry), so webhook → inbox → turn → Redis →
/// reply is one trace.
/// </summary>
public static class TurnTracing
{
    public static Activity? Start(string channel, string? traceParent, int attempt)
    {
        var parent = traceParent is not null && ActivityContext.TryParse(traceParent, null, out var context) ? context : default;
        var activity = ArcMeter.Traces.StartActivity("turn", ActivityKind.Consumer, parent);
        activity?.SetTag("arc_helper.channel", channel);
        activity?.SetTag("arc_helper.attempt", attempt);
        return activity;
    }

    /// <summary>Marks the span failed with the exception's type (never its message: it may quote what a student sent).</summary>
    public static void Failed(this Activity? activity, Exception e) => activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);

    /// <summary>The send of a turn's replies, a child of the turn.</summary>
    public static Activity? StartSend(string channel, int replies)
    {
        var activity = ArcMeter.Traces.StartActivity("send", ActivityKind.Client);
        activity?.SetTag("arc_helper.channel", channel);
        activity?.SetTag("arc_helper.replies", replies);
        return activity;
    }
}
