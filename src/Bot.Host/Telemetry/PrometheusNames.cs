using System.Diagnostics.Metrics;
using System.Text;

namespace Bot.Host.Telemetry;

/// <summary>
/// Names an instrument as OpenTelemetry's Prometheus compatibility rules do (dots to underscores, the unit as a suffix,
/// <c>_total</c> for counters): <c>arc_helper.inbox.lag</c> in seconds is <c>arc_helper_inbox_lag_seconds</c> both on
/// <c>/metrics</c> and after an OTLP collector writes it to Prometheus, so one dashboard serves both pipelines.
/// </summary>
internal static class PrometheusNames
{
    public static string Of(Instrument instrument)
    {
        var name = Sanitize(instrument.Name);
        var unit = UnitSuffix(instrument.Unit, instrument is ObservableGauge<double> or ObservableGauge<long>);
        if (unit.Length > 0 && !name.EndsWith("_" + unit, StringComparison.Ordinal))
        {
            name += "_" + unit;
        }

        return instrument is Counter<long> or Counter<double> ? name + "_total" : name;
    }

    public static string Sanitize(string name)
    {
        var s = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            s.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        return s.ToString();
    }

    /// <summary>UCUM units as the compatibility rules spell them; annotations such as <c>{turn}</c> add nothing.</summary>
    private static string UnitSuffix(string? unit, bool gauge)
    {
        if (string.IsNullOrEmpty(unit) || (unit.StartsWith('{') && unit.EndsWith('}')))
        {
            return string.Empty;
        }

        var slash = unit.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            var top = UnitSuffix(unit[..slash], gauge);
            var per = Word(unit[(slash + 1)..], singular: true);
            return top.Length == 0 ? "per_" + per : top + "_per_" + per;
        }

        return unit == "1" ? (gauge ? "ratio" : string.Empty) : Word(unit, singular: false);
    }

    private static string Word(string unit, bool singular) => unit switch
    {
        "s" => singular ? "second" : "seconds",
        "ms" => singular ? "millisecond" : "milliseconds",
        "min" => singular ? "minute" : "minutes",
        "h" => singular ? "hour" : "hours",
        "d" => singular ? "day" : "days",
        "By" => "bytes",
        _ => Sanitize(unit),
    };
}
