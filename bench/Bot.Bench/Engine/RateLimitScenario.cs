using System.Diagnostics;
using System.Globalization;
using StackExchange.Redis;

namespace Bot.Bench.Engine;

/// <summary>
/// Telegram's flood control as Telegram applies it: the fake allows 30 messages in any sliding second and answers 429 with
/// retry_after. Students each answer their fields as fast as the bot answers them (a closed loop: the next answer goes when
/// the previous turn's messages arrived). Counts the replies that never came, the sends refused with 429, the turns a second
/// and the latency from an answer being available to the bot's first message about it.
/// </summary>
public static class RateLimitScenario
{
    public const int Limit = 30;

    /// <summary>Eight fields of the registration, from the surname on: text answers and buttons, one message each.</summary>
    public static readonly Step[] EightFields =
    [
        Step.Say("nguyen"), Step.Say("van an"), Step.Press("v:VN"), Step.Say("2001-09-23"),
        Step.Press("v:m"), Step.Say("c1234567"), Step.Say("+84 912 345 678"), Step.Press("nav:skip"),
    ];

    public static async Task RunAsync(FakeBotApi fake, IConnectionMultiplexer admin, int firstUser, int students, byte[] seed, TimeSpan timeout)
    {
        var steps = EightFields;
        var counts = Student.Run(seed, steps).Messages;
        var db = admin.GetDatabase();
        await Task.WhenAll(Enumerable.Range(firstUser, students).Select(u =>
            db.StringSetAsync("st:{tg:" + Student.ChatId(u).ToString(CultureInfo.InvariantCulture) + "}", seed, TimeSpan.FromDays(400))));

        var expected = students * steps.Length;
        var position = Enumerable.Range(firstUser, students).ToDictionary(Student.ChatId, _ => 0);
        var done = new List<QueuedUpdate>(expected);
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new Lock();
        fake.MessageLimit = Limit;
        fake.SlidingWindow = true;
        fake.ResetBucket();
        fake.TurnDone = update =>
        {
            int next;
            lock (gate)
            {
                if (!position.TryGetValue(update.Chat, out var at))
                {
                    return;
                }

                done.Add(update);
                next = position[update.Chat] = at + 1;
                if (done.Count == expected)
                {
                    all.TrySetResult();
                }

                if (next >= steps.Length)
                {
                    return;
                }
            }

            var chat = update.Chat;
            fake.Release([(chat, id => Student.UpdateJson(id, chat, steps[next]), counts[next])]);
        };

        var loadBefore = LoadAverage();
        var sentBefore = fake.MessagesSent;
        var rejectedBefore = fake.Rejected;
        var released = fake.Release(position.Keys.Select(chat => (chat, (Func<long, byte[]>)(id => Student.UpdateJson(id, chat, steps[0])), counts[0])).ToList());
        var start = released[0].AvailableAt;
        await Task.WhenAny(all.Task, Task.Delay(timeout));
        List<QueuedUpdate> finished;
        Dictionary<long, int> reached;
        lock (gate)
        {
            finished = [.. done];
            reached = new Dictionary<long, int>(position);
            fake.TurnDone = null;
        }

        var sent = fake.MessagesSent - sentBefore;
        var refused = fake.Rejected - rejectedBefore;
        var seconds = finished.Count == 0 ? double.NaN : Stopwatch.GetElapsedTime(start, finished.Max(u => u.DoneAt)).TotalSeconds;
        var latencies = finished.Select(u => Stopwatch.GetElapsedTime(u.AvailableAt, u.FirstMessageAt).TotalMilliseconds).ToList();
        latencies.Sort();
        var p50 = Percentiles.Of(latencies, 50);
        var p99 = Percentiles.Of(latencies, 99);
        var stalled = reached.Values.Count(v => v < steps.Length);
        Console.WriteLine();
        Console.WriteLine($"Sliding window of {Limit} messages/s, {students} students x {steps.Length} fields (messages per field: {string.Join(',', counts)}), timeout {timeout.TotalSeconds:F0} s:");
        Console.WriteLine($"turns answered {finished.Count} of {expected}; replies lost (students left waiting) {stalled}; sends {sent + refused}, answered 429: {refused} ({100.0 * refused / Math.Max(1, sent + refused):F2} %)");
        Console.WriteLine($"{finished.Count / seconds:F1} turns/s over {seconds:F1} s; latency to first message p50/p95/p99/max {Percentiles.Summary(latencies)} ms, p99/p50 = {p99 / p50:F2}");
        Console.WriteLine($"load average (1/5/15 min) before {loadBefore}, after {LoadAverage()}");
        fake.MessageLimit = 0;
        fake.SlidingWindow = false;
    }

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
