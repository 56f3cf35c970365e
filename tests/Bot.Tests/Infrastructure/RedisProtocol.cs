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
        var (first, _) = await SendReadingBulkAsync(port, args, cancellationToken);
        return first;
    }

    /// <summary>Sends one command whose reply is a bulk string (CLUSTER INFO) and returns that string, or the reply line if it is not one.</summary>
    public static async Task<string> SendForTextAsync(int port, CancellationToken cancellationToken, params string[] args)
    {
        var (first, bulk) = await SendReadingBulkAsync(port, args, cancellationToken);
        return bulk ?? first;
    }

    private static async Task<(string First, string? Bulk)> SendReadingBulkAsync(int port, string[] args, CancellationToken cancellationToken)
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
        var first = await reader.ReadLineAsync(cancellationToken) ?? string.Empty;
        if (!first.StartsWith('$') || !int.TryParse(first.AsSpan(1), out var length) || length < 0)
        {
            return (first, null);
        }

        // The bulk's length counts bytes; the replies read this way (CLUSTER INFO) are ASCII.
        var buffer = new char[length + 2];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await reader.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return (first, new string(buffer, 0, Math.Min(read, length)));
    }
}
