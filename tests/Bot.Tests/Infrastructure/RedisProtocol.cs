using System.Net.Sockets;
using System.Text;

namespace Bot.Tests.Infrastructure;

/// <summary>
/// Just enough RESP to ask a redis-server something, so the fixture can check readiness and flush
/// without a client library's connect/retry logic hiding why a server did not start.
/// </summary>
internal static class RedisProtocol
{
    /// <summary>Sends one command and returns the first reply line (for example "+PONG").</summary>
    public static async Task<string> SendAsync(int port, CancellationToken cancellationToken, params string[] args)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, cancellationToken);
        var stream = client.GetStream();

        var request = new StringBuilder().Append('*').Append(args.Length).Append("\r\n");
        foreach (var arg in args)
        {
            request.Append('$').Append(Encoding.UTF8.GetByteCount(arg)).Append("\r\n").Append(arg).Append("\r\n");
        }
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()), cancellationToken);

        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadLineAsync(cancellationToken) ?? string.Empty;
    }
}
