using Bot.Dialogs.Conversation;
using Bot.Host.Storage;

namespace Bot.Host.Telegram;

/// <summary>An update translated for the dialog, with what the sender needs to answer it.</summary>
/// <param name="PressedQuestion">A press on a button of this bot message, whose buttons answer a question (not a summary page's copy buttons): they can go once answered.</param>
public sealed record TelegramInbound(
    StudentKey Student,
    string InboundId,
    Inbound Inbound,
    long ChatId,
    int? MessageId,
    string? CallbackQueryId,
    string? MediaGroupId,
    int? PressedQuestion = null);
