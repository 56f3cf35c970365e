namespace Bot.Bench.Engine;

public static class Percentiles
{
    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Of(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static string Summary(List<double> values)
    {
        values.Sort();
        return $"{Of(values, 50):F1} | {Of(values, 95):F1} | {Of(values, 99):F1} | {(values.Count == 0 ? 0 : values[^1]):F1}";
    }
}
