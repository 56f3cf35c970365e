namespace Bot.Bench.Engine;

/// <summary>A minimal Kestrel on a free 127.0.0.1 port running one handler, without logging: the benchmark fakes' server.</summary>
public static class LoopbackServer
{
    public static async Task<WebApplication> StartAsync(RequestDelegate handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(handler);
        await app.StartAsync();
        return app;
    }
}
