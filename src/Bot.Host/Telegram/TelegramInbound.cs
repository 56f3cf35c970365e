using Bot.Dialogs.Conversation;
using Bot.Host.Storage;

namespace Bot.Host.Telegram;

/// <summary>An update translated for the dialog, with what the sender needs to answer it.</summary>
public sealed record TelegramInbound(
    StudentKey Student,
    string InboundId,
    Inbound Inbound,
    long ChatId,
    int? MessageId,
    string? CallbackQueryId,
    string? MediaGroupId);
