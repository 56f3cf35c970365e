using System.Text.Json;
using Bot.Host.Conversation;
using Bot.Host.Inbox;
using global::Telegram.Bot;
using global::Telegram.Bot.Types;

namespace Bot.Host.Telegram;

/// <summary>Handles a Telegram update from the inbox with the same mapper and sender as polling.</summary>
public sealed class TelegramInboxHandler(TelegramUpdateHandler handler, TelegramBotUser botUser) : IInboxHandler
{
    public const string ChannelName = "tg";

    public string Channel => ChannelName;

    public async Task HandleAsync(InboxEntry entry, Delivery delivery, CancellationToken cancellationToken)
    {
        var update = JsonSerializer.Deserialize<Update>(entry.Body, JsonBotAPI.Options) ?? throw new JsonException("Empty Telegram update.");
        var me = await botUser.GetAsync(cancellationToken);
        await handler.HandleOneAsync(update, me, delivery, cancellationToken);
    }
}

/// <summary>The bot's own user (for group mentions), fetched once with GetMe and kept.</summary>
public sealed class TelegramBotUser(ITelegramBotClient bot)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private User? me;

    public async Task<User> GetAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref me) is { } known)
        {
            return known;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            return me ??= await bot.GetMe(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }
}
