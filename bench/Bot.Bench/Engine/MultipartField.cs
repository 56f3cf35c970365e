using System.Text;

namespace Bot.Bench.Engine;

/// <summary>A plain field of a multipart/form-data body (Telegram.Bot sends files that way), read without a parser.</summary>
internal static class MultipartField
{
    public static long Long(byte[] body, string name)
    {
        var marker = Encoding.ASCII.GetBytes("name=" + name);
        var at = body.AsSpan().IndexOf(marker);
        if (at < 0)
        {
            // Some writers quote the name.
            marker = Encoding.ASCII.GetBytes("name=\"" + name + "\"");
            at = body.AsSpan().IndexOf(marker);
        }

        if (at < 0)
        {
            return 0;
        }

        var rest = body.AsSpan(at + marker.Length);
        var start = rest.IndexOf("\r\n\r\n"u8);
        if (start < 0)
        {
            return 0;
        }

        var value = rest[(start + 4)..];
        var end = value.IndexOf("\r\n"u8);
        return long.TryParse(Encoding.ASCII.GetString(end < 0 ? value : value[..end]), out var number) ? number : 0;
    }
}
