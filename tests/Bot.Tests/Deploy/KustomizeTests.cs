using System.Diagnostics;
using System.Text.Json.Nodes;
using Bot.Tests.Dialogs;

namespace Bot.Tests.Deploy;

/// <summary>Every overlay of deploy/, rendered offline by `kubectl kustomize` and checked object by object.</summary>
public sealed class KustomizeTests
{
    public static TheoryData<string> Overlays() => [.. RenderedOverlay.Names()];

    [Fact]
    public void TheDocumentedOverlaysExist()
    {
        Assert.NotNull(Kubectl.ExecutablePath ?? throw new InvalidOperationException(Kubectl.NotInstalledMessage));
        Assert.Equal(["production", "production-inbox-lag", "trial"], RenderedOverlay.Names());
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task RendersEveryKindAnOperatorNeeds(string overlay)
    {
        var rendered = await RenderedOverlay.GetAsync(overlay);

        string[] kinds = ["Namespace", "ConfigMap", "Secret", "Service", "Deployment", "PodDisruptionBudget", "HorizontalPodAutoscaler", "Ingress"];
        Assert.All(kinds, kind => Assert.NotEmpty(rendered.OfKind(kind)));
        Assert.All(rendered.Objects.Where(o => (string?)o["kind"] != "Namespace"), o => Assert.Equal("arc-helper", (string?)o["metadata"]!["namespace"]));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task TheHostRunsInWebhookModeProbedOnItsHealthEndpointsWithMeasuredResources(string overlay)
    {
        var rendered = await RenderedOverlay.GetAsync(overlay);
        var deployment = rendered.Single("Deployment", "arc-helper");
        var pod = deployment["spec"]!["template"]!["spec"]!;
        var host = Assert.Single(pod["containers"]!.AsArray(), c => (string?)c!["name"] == "host")!;

        Assert.Equal("/healthz/ready", (string?)host["readinessProbe"]!["httpGet"]!["path"]);
        Assert.Equal("/healthz/live", (string?)host["livenessProbe"]!["httpGet"]!["path"]);
        Assert.Equal("/healthz/live", (string?)host["startupProbe"]!["httpGet"]!["path"]);
        Assert.All(Probes, p => Assert.Equal("http", (string?)host[p]!["httpGet"]!["port"]));
        Assert.Equal("8080", (string?)Assert.Single(host["ports"]!.AsArray(), p => (string?)p!["name"] == "http")!["containerPort"]);
        Assert.NotNull((string?)host["resources"]!["requests"]!["cpu"]);
        Assert.NotNull((string?)host["resources"]!["requests"]!["memory"]);
        Assert.NotNull((string?)host["resources"]!["limits"]!["memory"]);

        // Stopping: the Service lets go during preStop, then the host gets its whole shutdown timeout.
        var preStop = TimeSpan.FromSeconds(int.Parse((string)host["lifecycle"]!["preStop"]!["exec"]!["command"]![1]!, System.Globalization.CultureInfo.InvariantCulture));
        var grace = TimeSpan.FromSeconds(int.Parse((string)pod["terminationGracePeriodSeconds"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(grace > preStop + await DeployFiles.HostShutdownTimeoutAsync(), $"terminationGracePeriodSeconds {grace} is too short");

        var config = HostEnvironment(rendered, host);
        Assert.Equal("Webhook", config["Telegram__Mode"]);
        Assert.StartsWith("https://", config["Bot__PublicBaseUrl"], StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__Redis", config.Keys);
        Assert.Equal("true", (string?)pod["securityContext"]!["runAsNonRoot"]);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task TheServiceIngressDisruptionBudgetAndAutoscalerAllPointAtTheHost(string overlay)
    {
        var rendered = await RenderedOverlay.GetAsync(overlay);
        var deployment = rendered.Single("Deployment", "arc-helper");
        var podLabels = deployment["spec"]!["template"]!["metadata"]!["labels"]!.AsObject();

        var service = rendered.Single("Service", "arc-helper");
        Assert.All(service["spec"]!["selector"]!.AsObject(), l => Assert.Equal((string?)l.Value, (string?)podLabels[l.Key]));
        Assert.Equal("http", (string?)service["spec"]!["ports"]![0]!["targetPort"]);

        var budget = rendered.Single("PodDisruptionBudget", "arc-helper");
        Assert.All(budget["spec"]!["selector"]!["matchLabels"]!.AsObject(), l => Assert.Equal((string?)l.Value, (string?)podLabels[l.Key]));
        Assert.Equal("1", (string?)budget["spec"]!["maxUnavailable"]);

        var autoscaler = rendered.Single("HorizontalPodAutoscaler", "arc-helper");
        Assert.Equal("Deployment/arc-helper", $"{autoscaler["spec"]!["scaleTargetRef"]!["kind"]}/{autoscaler["spec"]!["scaleTargetRef"]!["name"]}");
        Assert.Contains(autoscaler["spec"]!["metrics"]!.AsArray(), m => (string?)m!["type"] == "Resource" && (string?)m["resource"]!["name"] == "cpu");
        Assert.Equal((string?)deployment["spec"]!["replicas"], (string?)autoscaler["spec"]!["minReplicas"]);

        var ingress = rendered.Single("Ingress", "arc-helper");
        var rule = Assert.Single(ingress["spec"]!["rules"]!.AsArray())!;
        var tls = Assert.Single(ingress["spec"]!["tls"]!.AsArray())!;
        Assert.Equal((string?)rule["host"], (string?)Assert.Single(tls["hosts"]!.AsArray()));
        Assert.NotNull((string?)tls["secretName"]);
        var paths = rule["http"]!["paths"]!.AsArray();
        Assert.Contains(paths, p => (string?)p!["path"] == "/webhooks" && (string?)p["pathType"] == "Prefix");
        Assert.DoesNotContain(paths, p => ((string?)p!["path"])!.StartsWith("/healthz", StringComparison.Ordinal) || (string?)p["path"] == "/");
        Assert.All(paths, p => Assert.Equal("arc-helper", (string?)p!["backend"]!["service"]!["name"]));
        Assert.Equal($"https://{rule["host"]}", HostEnvironment(rendered, HostContainer(deployment))["Bot__PublicBaseUrl"]);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task SecretsComeFromGeneratorsAndEveryHostSettingIsNamedAsInTheContract(string overlay)
    {
        var rendered = await RenderedOverlay.GetAsync(overlay);

        // Every Secret is generated from the operator's gitignored .env files (the test wrote placeholders into a copy).
        Assert.All(rendered.OfKind("Secret"), s =>
        {
            Assert.Null(s["stringData"]);
            Assert.All(s["data"]!.AsObject(), d => Assert.Equal(RenderedOverlay.SecretPlaceholder, System.Text.Encoding.UTF8.GetString(Convert.FromBase64String((string)d.Value!))));
        });

        var host = HostContainer(rendered.Single("Deployment", "arc-helper"));
        Assert.All(HostEnvironment(rendered, host).Keys, key => Assert.True(
            DeployFiles.IsContractKey(key) || DeployFiles.IsRuntimeVariable(key) || key == TrialRedisPassword,
            $"{overlay}: {key} is not a setting named in docs/contract.md"));
    }

    [Fact]
    public async Task ProductionUsesAManagedRedisAndTheTrialItsOwnStatefulSetWithAVolume()
    {
        var production = await RenderedOverlay.GetAsync("production");
        var trial = await RenderedOverlay.GetAsync("trial");

        Assert.Empty(production.OfKind("StatefulSet"));
        Assert.Contains("ConnectionStrings__Redis", File.ReadAllText(RepositoryFiles.PathOf("deploy/overlays/production/secrets.env.example")), StringComparison.Ordinal);
        Assert.Equal("3", (string?)production.Single("Deployment", "arc-helper")["spec"]!["replicas"]);

        var redis = trial.Single("StatefulSet", "arc-helper-redis");
        Assert.Equal("data", (string?)Assert.Single(redis["spec"]!["volumeClaimTemplates"]!.AsArray())!["metadata"]!["name"]);
        Assert.Contains("--requirepass", string.Join(' ', redis["spec"]!["template"]!["spec"]!["containers"]![0]!["command"]!.AsArray().Select(c => (string?)c)), StringComparison.Ordinal);
        var host = HostContainer(trial.Single("Deployment", "arc-helper"));
        var connection = (string?)host["env"]!.AsArray().Single(e => (string?)e!["name"] == "ConnectionStrings__Redis")!["value"];
        Assert.Equal($"arc-helper-redis:6379,password=$({TrialRedisPassword})", connection);
        Assert.Equal("6379", (string?)trial.Single("Service", "arc-helper-redis")["spec"]!["ports"]![0]!["port"]);
        Assert.Equal("1", (string?)trial.Single("Deployment", "arc-helper")["spec"]!["replicas"]);
    }

    [Fact]
    public async Task TheInboxLagOverlayAddsAnExternalMetricToTheCpuOne()
    {
        var lag = (await RenderedOverlay.GetAsync("production-inbox-lag")).Single("HorizontalPodAutoscaler", "arc-helper");
        var production = (await RenderedOverlay.GetAsync("production")).Single("HorizontalPodAutoscaler", "arc-helper");

        Assert.Equal(["Resource"], production["spec"]!["metrics"]!.AsArray().Select(m => (string?)m!["type"]));
        Assert.Equal(["Resource", "External"], lag["spec"]!["metrics"]!.AsArray().Select(m => (string?)m!["type"]));
        Assert.Equal("arc_helper_inbox_lag_seconds", (string?)lag["spec"]!["metrics"]![1]!["external"]!["metric"]!["name"]);
    }

    [Fact]
    public async Task NoCommittedFileHoldsASecretAndTheSecretSourcesAreIgnoredByGit()
    {
        var committed = (await GitAsync("ls-files", "deploy")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("deploy/overlays/production/secrets.env.example", committed);
        Assert.All(committed, file =>
        {
            var text = File.ReadAllText(RepositoryFiles.PathOf(file));
            Assert.DoesNotContain("kind: Secret", text, StringComparison.Ordinal);
            Assert.DoesNotContain("stringData", text, StringComparison.Ordinal);
            Assert.False(file.EndsWith(".env", StringComparison.Ordinal), file);
        });

        // What the examples become is ignored, wherever an operator writes it.
        var sources = committed.Where(f => f.EndsWith(".env.example", StringComparison.Ordinal)).Select(f => f[..^".example".Length]).ToList();
        Assert.NotEmpty(sources);
        Assert.Equal(sources, (await GitAsync(["check-ignore", .. sources])).Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static readonly string[] Probes = ["readinessProbe", "livenessProbe", "startupProbe"];

    /// <summary>The trial's Redis password, which only builds the host's connection string.</summary>
    private const string TrialRedisPassword = "REDIS_PASSWORD";

    private static JsonNode HostContainer(JsonObject deployment) =>
        Assert.Single(deployment["spec"]!["template"]!["spec"]!["containers"]!.AsArray(), c => (string?)c!["name"] == "host")!;

    /// <summary>The host's settings: its env entries, and every key of the ConfigMaps and Secrets it takes whole (envFrom).</summary>
    private static Dictionary<string, string?> HostEnvironment(RenderedOverlay rendered, JsonNode host)
    {
        var settings = new Dictionary<string, string?>();
        foreach (var source in host["envFrom"]?.AsArray() ?? [])
        {
            var (kind, reference) = source!["configMapRef"] is { } map ? ("ConfigMap", map) : ("Secret", source["secretRef"]!);
            var data = rendered.Single(kind, (string)reference["name"]!)["data"]?.AsObject() ?? [];
            foreach (var (key, value) in data)
            {
                settings[key] = kind == "ConfigMap" ? (string?)value : "(secret)";
            }
        }

        foreach (var entry in host["env"]?.AsArray() ?? [])
        {
            settings[(string)entry!["name"]!] = (string?)entry["value"];
        }

        return settings;
    }

    private static async Task<string> GitAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = RepositoryFiles.Root, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var git = Process.Start(start)!;
        var output = await git.StandardOutput.ReadToEndAsync();
        await git.WaitForExitAsync();
        return output;
    }
}
