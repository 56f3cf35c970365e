using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Bot.Host.Inbox;
using Microsoft.Extensions.Options;
using global::Telegram.Bot;
using global::Telegram.Bot.Types;
using global::Telegram.Bot.Types.Enums;

namespace Bot.Host.Telegram;

public static class TelegramWebhookEndpoint
{
    public const string Path = "/webhooks/telegram";
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>
    /// <c>POST /webhooks/telegram</c> (webhook mode only): refuse a wrong secret, persist the update to the inbox
    /// (de-duplicated on update_id), answer 200. Handling happens on whichever host owns the student's shard.
    /// </summary>
    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<TelegramOptions>>().Value;
        if (!options.Enabled || options.Mode != TelegramMode.Webhook)
        {
            return app;
        }

        app.MapPost(Path, async (HttpRequest request, IOptions<TelegramOptions> telegram, DurableInbox inbox, CancellationToken cancellationToken) =>
        {
            if (!SecretMatches(request.Headers[SecretHeader], telegram.Value.WebhookSecret))
            {
                return Results.Unauthorized();
            }

            var body = await WebhookBody.ReadAsync(request, cancellationToken);
            if (body is null)
            {
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            }

            Update? update;
            try
            {
                update = JsonSerializer.Deserialize<Update>(body, JsonBotAPI.Options);
            }
            catch (JsonException)
            {
                return Results.BadRequest();
            }

            if (update is null)
            {
                return Results.BadRequest();
            }

            var id = update.Id.ToString(CultureInfo.InvariantCulture);
            await inbox.AppendAsync([new InboxEntry(TelegramInboxHandler.ChannelName, OwnerOf(update), id, Encoding.UTF8.GetString(body))]);
            return Results.Ok();
        });
        return app;
    }

    /// <summary>The same key the turn uses (tg:user), or the group for group messages, so each keeps its order.</summary>
    public static string OwnerOf(Update update)
    {
        if (update.CallbackQuery is { } query)
        {
            return "tg:" + query.From.Id.ToString(CultureInfo.InvariantCulture);
        }

        if (update.Message is { } message)
        {
            return message.Chat.Type == ChatType.Private && message.From is { } from
                ? "tg:" + from.Id.ToString(CultureInfo.InvariantCulture)
                : "tg-group:" + message.Chat.Id.ToString(CultureInfo.InvariantCulture);
        }

        return "tg-other:" + update.Id.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Compares hashes of both, which have the same length whatever was sent: the time taken says neither how many
    /// leading characters matched nor how long the secret is (comparing the raw bytes returns at once on a length mismatch).
    /// </summary>
    internal static bool SecretMatches(string? sent, string? expected) =>
        !string.IsNullOrEmpty(sent) && !string.IsNullOrEmpty(expected)
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(sent)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
