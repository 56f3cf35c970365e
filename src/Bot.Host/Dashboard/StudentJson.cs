using System.IO.Pipelines;
using System.Text.Json;
using Bot.Host.Advisors;

namespace Bot.Host.Dashboard;

/// <summary>The students list as one JSON array, written a chunk at a time as the roster is read (never all in memory).</summary>
internal static class StudentJson
{
    public static async Task WriteAsync(Stream body, IAsyncEnumerable<IReadOnlyList<StudentSummary>> pages, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        // Over a pipe, the serializer's own flushes only hand bytes on; the body is written when the pipe is flushed.
        var pipe = PipeWriter.Create(body);
        await using var writer = new Utf8JsonWriter(pipe);
        writer.WriteStartArray();
        await foreach (var page in pages.WithCancellation(cancellationToken))
        {
            foreach (var student in page)
            {
                JsonSerializer.Serialize(writer, student, options);
            }

            await pipe.FlushAsync(cancellationToken);
        }

        writer.WriteEndArray();
        writer.Flush();
        await pipe.CompleteAsync();
    }
}
