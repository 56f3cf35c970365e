using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Prometheus;

namespace Bot.Host.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>What OpenTelemetry calls this service unless <c>OTEL_SERVICE_NAME</c> says otherwise.</summary>
    public const string ServiceName = "arc-helper";

    /// <summary>
    /// The meters on <c>/metrics</c> for Prometheus, always; metrics and traces through OpenTelemetry, exported by OTLP, when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (protocol, headers, intervals, sampling: the standard <c>OTEL_*</c>
    /// variables); trace ids in log scopes; JSON console logs in a container.
    /// </summary>
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ArcMeter>();
        builder.Services.AddSingleton(_ =>
        {
            // This host's own registry (tests run several hosts in one process), with the process' CPU, memory and GC.
            var registry = Metrics.NewCustomRegistry();
            DotNetStats.Register(registry);
            return registry;
        });
        builder.Services.AddSingleton<PrometheusBridge>();
        builder.Services.AddHostedService<MetricsStart>();
        // Each feature's meters (see its XxxMetrics class) and the samplers that read its gauges from Redis or LINE.
        builder.Services.AddMetrics<Conversation.TurnMetrics>().AddMetrics<Storage.RedisMetrics>().AddMetrics<Inbox.InboxMetrics>()
            .AddMetrics<Reminders.ReminderMetrics>().AddMetrics<Broadcasts.BroadcastMetrics>().AddMetrics<Telegram.TelegramMetrics>()
            .AddMetrics<Line.LineMetrics>().AddMetrics<Uploads.UploadMetrics>().AddMetrics<Advisors.StudentStageMetrics>();
        builder.Services.AddSingleton<IGaugeSampler, Inbox.InboxGaugeSampler>();
        builder.Services.AddSingleton<IGaugeSampler, Reminders.ReminderGaugeSampler>();
        builder.Services.AddSingleton<IGaugeSampler, Broadcasts.BroadcastGaugeSampler>();
        builder.Services.AddSingleton<IGaugeSampler, Advisors.StudentStageSampler>();
        if (!string.IsNullOrEmpty(configuration["Line:ChannelSecret"]))
        {
            builder.Services.AddSingleton<IGaugeSampler, Line.LineQuotaSampler>();
        }

        builder.Services.AddHostedService(sp => new GaugeSampling(
            sp.GetServices<IGaugeSampler>(), TimeProvider.System, sp.GetRequiredService<ILogger<GaugeSampling>>()));

        // The SDK only when something is exported: without a listener no span is even created, which keeps a turn's
        // allocations as they were (measured: ~4.3 KB more per turn with the SDK on, docs/benchmarks.md).
        if (OtlpConfigured(configuration))
        {
            builder.Services.AddOpenTelemetry()
                .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : ServiceName))
                .WithMetrics(metrics => metrics.AddMeter(ArcMeter.Name))
                .WithTracing(tracing => tracing
                    .AddSource(ArcMeter.Name)

                    // Only the webhooks: their paths carry nothing personal (a /files token or a dashboard URL would).
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => http.Request.Path.StartsWithSegments("/webhooks", StringComparison.Ordinal)))
                .UseOtlpExporter();
        }

        // Every log line written inside a span (a webhook, a turn) carries its trace and span ids.
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        builder.Services.Configure<JsonConsoleFormatterOptions>(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        if (string.IsNullOrEmpty(configuration["Logging:Console:FormatterName"]) && string.Equals(configuration["DOTNET_RUNNING_IN_CONTAINER"], "true", StringComparison.OrdinalIgnoreCase))
        {
            // The official .NET images set DOTNET_RUNNING_IN_CONTAINER: one JSON object per line for the log collector.
            // Logging__Console__FormatterName (json, simple, systemd) still decides when it is set.
            builder.Services.Configure<ConsoleLoggerOptions>(o => o.FormatterName = ConsoleFormatterNames.Json);
        }

        return builder;
    }

    /// <summary>The collector's base address turns OTLP on (the signal-specific endpoints may then move one signal elsewhere).</summary>
    private static bool OtlpConfigured(ConfigurationManager configuration) =>
        !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    /// <summary>A feature's metrics class: one singleton, created at start so every series is on /metrics from the first scrape.</summary>
    private static IServiceCollection AddMetrics<T>(this IServiceCollection services)
        where T : class
    {
        services.AddSingleton<T>();
        services.AddSingleton(sp => new MetricsClass(sp.GetRequiredService<T>()));
        return services;
    }

    private sealed record MetricsClass(object Instance);

    /// <summary>Starts the Prometheus bridge and creates every metrics class (their instruments) before the host serves.</summary>
    private sealed class MetricsStart(PrometheusBridge bridge, IEnumerable<MetricsClass> classes) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            GC.KeepAlive(bridge);
            GC.KeepAlive(classes.ToList());
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
