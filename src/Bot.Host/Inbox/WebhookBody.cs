namespace Bot.Host.Inbox;

/// <summary>Reads a webhook's raw body (signatures are over the exact bytes), refusing anything over the cap.</summary>
public static class WebhookBody
{
    /// <summary>LINE and Telegram bodies are a few KB; anything near this is not from them.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>Null when the body is larger than <see cref="MaxBytes"/> (answer 413).</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            // Content-Length may be absent (chunked), so the cap is enforced while reading too.
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
