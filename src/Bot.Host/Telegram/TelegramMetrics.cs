using System.Diagnostics.Metrics;
using Bot.Host.Telemetry;

namespace Bot.Host.Telegram;

/// <summary>Telegram's flood control as it bites: 429 answers, and the message rate this host allows itself now.</summary>
public sealed class TelegramMetrics
{
    private readonly Counter<long> throttled;
    private Func<double>? pace;

    public TelegramMetrics(ArcMeter meter)
    {
        throttled = meter.Counter("arc_helper.telegram.throttled", "{response}", "429 Too Many Requests answers from the Bot API (each delays a message, never loses it).", "kind");
        meter.Gauge("arc_helper.telegram.send_rate", "{message}/s", "Messages a second this host allows itself now (drops after a 429, climbs back).", ObservePace);
    }

    /// <param name="message">A message (paced) rather than another call (answerCallbackQuery, deleteMessage, getFile).</param>
    public void Throttled(bool message) => throttled.Add(1, new KeyValuePair<string, object?>("kind", message ? "message" : "call"));

    /// <summary>Telegram's flood control reports its pace here (only when Telegram is on).</summary>
    public void ObservePace(Func<double> rate) => pace = rate;

    private IEnumerable<Measurement<double>> ObservePace() => pace is { } rate ? [new(rate())] : [];
}
