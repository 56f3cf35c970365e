using System.Globalization;

namespace Bot.Tests.Telemetry;

/// <summary>One sample of a Prometheus text exposition: a series name, its labels and its value.</summary>
public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

/// <summary>A /metrics page, parsed just enough to read series: families (from <c># TYPE</c>) and samples.</summary>
public sealed class Scrape
{
    private Scrape(IReadOnlyDictionary<string, string> families, IReadOnlyList<Sample> samples)
    {
        Families = families;
        Samples = samples;
    }

    /// <summary>Metric family name → type (counter, gauge, histogram).</summary>
    public IReadOnlyDictionary<string, string> Families { get; }

    public IReadOnlyList<Sample> Samples { get; }

    public static async Task<Scrape> FromAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(url);
        response.EnsureSuccessStatusCode();
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        return Parse(await response.Content.ReadAsStringAsync());
    }

    public static Scrape Parse(string text)
    {
        var families = new Dictionary<string, string>(StringComparer.Ordinal);
        var samples = new List<Sample>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                families[parts[2]] = parts[3];
                continue;
            }

            if (line.StartsWith('#'))
            {
                continue;
            }

            var brace = line.IndexOf('{', StringComparison.Ordinal);
            var space = line.LastIndexOf(' ');
            var name = brace > 0 ? line[..brace] : line[..line.IndexOf(' ', StringComparison.Ordinal)];
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            if (brace > 0)
            {
                var body = line[(brace + 1)..line.LastIndexOf('}')];
                foreach (var pair in body.Split("\",", StringSplitOptions.RemoveEmptyEntries))
                {
                    var eq = pair.IndexOf('=', StringComparison.Ordinal);
                    labels[pair[..eq]] = pair[(eq + 1)..].Trim('"');
                }
            }

            samples.Add(new Sample(name, labels, double.Parse(line[(space + 1)..], CultureInfo.InvariantCulture)));
        }

        return new Scrape(families, samples);
    }

    /// <summary>The sum of the series named <paramref name="name"/> whose labels include <paramref name="labels"/> ("key=value").</summary>
    public double Sum(string name, params string[] labels) =>
        Samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l[..l.IndexOf('=', StringComparison.Ordinal)], out var v) && v == l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..]))
            .Sum(s => s.Value);

    public bool Has(string name) => Samples.Any(s => s.Name == name);
}
