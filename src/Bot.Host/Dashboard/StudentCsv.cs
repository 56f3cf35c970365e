using System.Globalization;
using System.Text;
using Bot.Host.Advisors;

namespace Bot.Host.Dashboard;

/// <summary>The students table as CSV (RFC 4180, UTF-8 with a BOM for spreadsheets), written as the rows arrive.</summary>
public static class StudentCsv
{
    public const string Header = "key,name,channel,language,application,stage,programme,arc_expiry,next_deadline,overdue,expires_soon,with_advisor,last_active,school";

    public static async Task WriteAsync(Stream body, IAsyncEnumerable<IReadOnlyList<StudentSummary>> pages, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024);
        await writer.WriteAsync(Header + "\r\n");
        await foreach (var page in pages.WithCancellation(cancellationToken))
        {
            foreach (var s in page)
            {
                await writer.WriteAsync(Row(s));
            }

            // Each page goes out as it is read: the response is chunked, and the host holds one page at a time.
            await writer.FlushAsync(cancellationToken);
        }
    }

    public static string Row(StudentSummary s)
    {
        string[] cells =
        [
            s.Key, s.Name, s.Channel, s.Language, s.ApplicationKind ?? string.Empty, s.Stage.ToString(), s.Programme ?? string.Empty,
            s.ArcExpiry?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
            s.NextDeadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
            s.Overdue ? "yes" : "no", s.ExpiresSoon ? "yes" : "no", s.WithAdvisor ? "yes" : "no",
            s.LastActive.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture),
            s.School ?? string.Empty,
        ];
        return string.Join(',', cells.Select(Cell)) + "\r\n";
    }

    /// <summary>Quotes as RFC 4180 and defuses formulas (a name starting with = must not run in a spreadsheet).</summary>
    private static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
