using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bot.Tests.Deploy;
using Bot.Tests.Dialogs;
using Bot.Tests.Hosting;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Telemetry;

/// <summary>
/// deploy/monitoring against what the host really exports: the Grafana dashboard parses, every panel queries metrics
/// that a host's /metrics lists, and so does every alert rule (a renamed metric would leave a panel empty or an alert
/// silent, which nobody notices until the incident).
/// </summary>
[Collection(RedisCollection.Name)]
public sealed partial class MonitoringFilesTests(RedisFixture redis) : IAsyncLifetime
{
    /// <summary>PromQL functions and Grafana variables that look like metric names.</summary>
    private static readonly HashSet<string> NotMetrics = ["histogram_quantile", "clamp_min", "__rate_interval"];

    private static readonly string[] Alerts = ["ArcHelperInboxLag", "ArcHelperDeadLetters", "ArcHelperReminderBacklog", "ArcHelperLineQuotaLow", "ArcHelperErrorRate"];

    private static readonly string[] HistogramSuffixes = ["_bucket", "_sum", "_count"];

    private IReadOnlyDictionary<string, string> exported = null!;

    public async Task InitializeAsync()
    {
        await redis.FlushAsync();
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis.ConnectionString });
        using var http = new HttpClient();
        exported = (await Scrape.FromAsync(http, host.Url("/metrics"))).Families;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void EveryDashboardPanelQueriesMetricsTheHostExports()
    {
        var dashboard = JsonNode.Parse(File.ReadAllText(RepositoryFiles.PathOf("deploy/monitoring/grafana-dashboard.json")))!;
        var panels = dashboard["panels"]!.AsArray().Where(p => (string?)p!["type"] != "row").ToList();
        Assert.True(panels.Count >= 15, $"{panels.Count} panels");
        foreach (var panel in panels)
        {
            var targets = panel!["targets"]!.AsArray();
            Assert.NotEmpty(targets);
            foreach (var target in targets)
            {
                AssertExportedOnly((string)target!["expr"]!, $"panel \"{panel["title"]}\"");
            }
        }

        // The meters an on-call person needs each have a panel.
        var queried = string.Join('\n', panels.SelectMany(p => p!["targets"]!.AsArray().Select(t => (string)t!["expr"]!)));
        foreach (var family in exported.Keys.Where(f => f.StartsWith("arc_helper_", StringComparison.Ordinal)))
        {
            Assert.Contains(family, queried, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryAlertNamesMetricsTheHostExports()
    {
        var rules = YamlDocuments.ParseOne(DeployFiles.Read("deploy/monitoring/alerts.yaml"))["groups"]!.AsArray()
            .SelectMany(g => g!["rules"]!.AsArray()).Select(r => r!.AsObject()).ToList();
        Assert.Subset(rules.Select(r => (string)r["alert"]!).ToHashSet(), Alerts.ToHashSet());
        foreach (var rule in rules)
        {
            AssertExportedOnly((string)rule["expr"]!, $"alert {rule["alert"]}");
            Assert.False(string.IsNullOrEmpty((string?)rule["labels"]?["severity"]), $"alert {rule["alert"]} has a severity");
            Assert.False(string.IsNullOrEmpty((string?)rule["annotations"]?["summary"]), $"alert {rule["alert"]} has a summary");
        }
    }

    private void AssertExportedOnly(string expr, string where)
    {
        var withoutStrings = Quoted().Replace(expr, "\"\"");
        var names = Identifier().Matches(withoutStrings).Select(m => m.Value).Where(n => n.Contains('_', StringComparison.Ordinal) && !NotMetrics.Contains(n)).ToList();
        Assert.True(names.Count > 0, $"{where} queries no metric: {expr}");
        foreach (var name in names)
        {
            Assert.True(exported.ContainsKey(Family(name)), $"{where} queries {name}, which /metrics does not list");
        }
    }

    /// <summary>A histogram's series (_bucket, _sum, _count) belong to its family.</summary>
    private string Family(string series) =>
        HistogramSuffixes.Where(series.EndsWith).Select(s => series[..^s.Length]).FirstOrDefault(f => exported.GetValueOrDefault(f) == "histogram")
        ?? series;

    [GeneratedRegex("\"[^\"]*\"")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"(?<![\w$])[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Identifier();
}
