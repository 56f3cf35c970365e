using System.Diagnostics.Metrics;
using Bot.Dialogs.Uploads;
using Bot.Host.Telemetry;

namespace Bot.Host.Uploads;

/// <summary>Files students sent, by channel, kind (photo, document) and outcome, and how long fetching and preparing each took.</summary>
public sealed class UploadMetrics
{
    private readonly Counter<long> uploads;
    private readonly Histogram<double> duration;

    public UploadMetrics(ArcMeter meter)
    {
        uploads = meter.Counter("arc_helper.uploads", "{file}", "Files students sent, by channel, kind and outcome: prepared, rejected (the photo or document does not meet the rules), refused (too large, not fetched), failed.", "channel", "kind", "outcome");
        duration = meter.Histogram("arc_helper.upload.duration", "s", "Fetching and preparing one file.", Buckets.Upload, "kind", "outcome");
    }

    public void Upload(string channel, bool photo, string outcome, TimeSpan elapsed)
    {
        var kind = new KeyValuePair<string, object?>("kind", photo ? "photo" : "document");
        var result = new KeyValuePair<string, object?>("outcome", outcome);
        uploads.Add(1, new("channel", channel), kind, result);
        duration.Record(elapsed.TotalSeconds, kind, result);
    }

    public static string OutcomeOf(ProcessedUpload processed) => processed switch
    {
        { ProblemKey: not null } => "refused",
        { Photo: { Accepted: true } } or { Document: { Accepted: true } } => "prepared",
        _ => "rejected",
    };
}
