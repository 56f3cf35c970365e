using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.Tests.Telemetry;

/// <summary>
/// The smallest OTLP/HTTP collector that will do for a test, on 127.0.0.1: it accepts POST /v1/metrics, /v1/traces and
/// /v1/logs with protobuf bodies (answering an empty protobuf response, i.e. all accepted) and keeps the raw bodies, in
/// which a test finds service, metric and span names as UTF-8 and trace ids as their 16 bytes.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<(string Path, byte[] Body)> received = new();

    private OtlpReceiver(WebApplication app) => this.app = app;

    public string Endpoint { get; private set; } = "";

    public IReadOnlyList<byte[]> Bodies(string signal) => [.. received.Where(r => r.Path == "/v1/" + signal).Select(r => r.Body)];

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/{signal}", async (HttpContext http, string signal) =>
        {
            if (signal is not ("metrics" or "traces" or "logs") || http.Request.ContentType != "application/x-protobuf")
            {
                return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
            }

            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            receiver.received.Enqueue(("/v1/" + signal, body.ToArray()));
            return Results.Bytes([], "application/x-protobuf");
        });
        await app.StartAsync();
        receiver.Endpoint = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return receiver;
    }

    /// <summary>Whether any body of the signal contains the bytes.</summary>
    public bool Saw(string signal, ReadOnlySpan<byte> bytes)
    {
        foreach (var body in Bodies(signal))
        {
            if (body.AsSpan().IndexOf(bytes) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    public bool Saw(string signal, string text) => Saw(signal, System.Text.Encoding.UTF8.GetBytes(text));

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
