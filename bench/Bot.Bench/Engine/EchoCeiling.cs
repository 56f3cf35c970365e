using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Bot.Bench.Engine;

/// <summary>The fake's own ceiling: a trivial bot (getUpdates → sendMessage per update, all at once) with nothing else to do.</summary>
public static class EchoCeiling
{
    public static async Task<double> RunAsync(int users, int perUser)
    {
        await using var fake = new FakeBotApi();
        await fake.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(fake.BaseUrl + "/bot123:abc/") };
        var total = users * perUser;
        var items = new List<(long, Func<long, byte[]>, int)>(total);
        for (var k = 0; k < perUser; k++)
        {
            for (var u = 0; u < users; u++)
            {
                var chat = Student.ChatId(u);
                items.Add((chat, id => Student.UpdateJson(id, chat, Step.Say("hello")), 1));
            }
        }

        var watch = Stopwatch.StartNew();
        fake.Release(items);
        long offset = 0;
        while (fake.Completed < total && watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            using var response = await http.PostAsync("getUpdates", Json($$"""{"offset":{{offset}},"limit":100,"timeout":1}"""));
            using var doc = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
            var sends = new List<Task>();
            foreach (var update in doc.RootElement.GetProperty("result").EnumerateArray())
            {
                offset = update.GetProperty("update_id").GetInt64() + 1;
                var chat = update.GetProperty("message").GetProperty("chat").GetProperty("id").GetInt64();
                sends.Add(SendAsync(http, chat));
            }

            await Task.WhenAll(sends);
        }

        return fake.Completed / watch.Elapsed.TotalSeconds;
    }

    private static async Task SendAsync(HttpClient http, long chat)
    {
        using var response = await http.PostAsync("sendMessage", Json($$"""{"chat_id":{{chat}},"text":"echo"}"""));
        response.EnsureSuccessStatusCode();
    }

    private static ByteArrayContent Json(string json)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
