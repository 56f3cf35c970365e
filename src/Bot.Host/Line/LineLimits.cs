namespace Bot.Host.Line;

/// <summary>
/// LINE's limits, checked before sending so a mistake fails here with a clear message instead of a 400 from LINE.
/// A test compares the ones the OpenAPI spec states with tests/Bot.Tests/Specs/line/messaging-api.yml.
/// </summary>
public static class LineLimits
{
    /// <summary>messages[] maxItems for reply, push, multicast and broadcast (spec).</summary>
    public const int MaxMessagesPerCall = 5;

    /// <summary>quickReply.items maxItems (spec).</summary>
    public const int MaxQuickReplyItems = 13;

    /// <summary>multicast to[] maxItems (spec).</summary>
    public const int MaxMulticastRecipients = 500;

    /// <summary>postback action data maxLength (spec).</summary>
    public const int MaxPostbackDataLength = 300;

    /// <summary>Text message length; documented by LINE but not stated in the OpenAPI spec.</summary>
    public const int MaxTextLength = 5000;

    /// <summary>Action label length in grapheme clusters (<see cref="LineText"/>); documented by LINE (quick reply and template buttons), not in the spec.</summary>
    public const int MaxActionLabelLength = 20;

    /// <summary>loadingSeconds minimum, maximum (spec) and step (documented).</summary>
    public const int MinLoadingSeconds = 5;

    public const int MaxLoadingSeconds = 60;
}
