using Bot.Dialogs.Messages;

namespace Bot.Host.Broadcasts;

/// <summary>Recipients sharing a channel and a language, so they get the same text (a LINE multicast carries one text).</summary>
/// <param name="Language">A language code, or <see cref="BroadcastTexts.Everyone"/> for a broadcast with one text for all.</param>
public sealed record AudienceGroup(string Channel, string Language)
{
    public override string ToString() => Channel + ":" + Language;

    public static AudienceGroup Parse(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? new AudienceGroup(value, BroadcastTexts.Everyone) : new AudienceGroup(value[..colon], value[(colon + 1)..]);
    }
}

/// <summary>
/// What a broadcast says. Either one text for everyone (<see cref="Everyone"/>: chat's /broadcast and the API's
/// <c>text</c>), or a text per language: a student gets the text of their own language, or, when the broadcast names a
/// <see cref="Fallback"/> language, that language's text; a student whose language has neither gets nothing.
/// </summary>
public sealed record BroadcastTexts(IReadOnlyDictionary<string, string> Texts, string? Fallback = null)
{
    public const string Everyone = "*";

    /// <summary>Below Telegram's 4,096 characters and LINE's 5,000.</summary>
    public const int MaxTextLength = 3800;

    public static BroadcastTexts ForEveryone(string text) => new(new Dictionary<string, string>(StringComparer.Ordinal) { [Everyone] = text.Trim() });

    public bool IsSingle => Texts.ContainsKey(Everyone);

    /// <summary>The text a student reading <paramref name="language"/> gets; null when they get nothing.</summary>
    public string? For(string language) =>
        Texts.GetValueOrDefault(Everyone)
        ?? Texts.GetValueOrDefault(language)
        ?? (Fallback is { } fallback ? Texts.GetValueOrDefault(fallback) : null);

    /// <summary>The text shown in lists: the single text, the fallback language's, or the first one written.</summary>
    public string Display => For(Fallback ?? string.Empty) ?? Texts.Values.FirstOrDefault() ?? string.Empty;

    /// <summary>The groups a broadcast on these texts reaches: per channel, every language that has a text (or the fallback).</summary>
    public IReadOnlyList<AudienceGroup> Groups() => IsSingle
        ? [.. AudienceFilter.BroadcastChannels.Select(c => new AudienceGroup(c, Everyone))]
        : [.. AudienceFilter.BroadcastChannels.SelectMany(c => Languages.All.Where(l => For(l.Code()) is not null).Select(l => new AudienceGroup(c, l.Code())))];

    /// <summary>Why these texts cannot be sent (a code for the page, and words for chat), or null.</summary>
    public (string Code, string Message)? Problem()
    {
        var texts = Texts.Where(t => !string.IsNullOrWhiteSpace(t.Value)).ToList();
        if (texts.Count == 0 || texts.Any(t => t.Value.Trim().Length > MaxTextLength))
        {
            return ("text", $"The text must have 1 to {MaxTextLength} characters.");
        }

        if (!IsSingle && texts.Any(t => Languages.Find(t.Key) is null))
        {
            return ("language", "A text is written for a language the bot does not speak.");
        }

        if (Fallback is { } fallback && !Texts.ContainsKey(fallback))
        {
            return ("fallback", "The fallback language has no text.");
        }

        return null;
    }

    /// <summary>Empty texts dropped, the others trimmed; language codes as the bot writes them.</summary>
    public BroadcastTexts Normalized() => new(
        Texts.Where(t => !string.IsNullOrWhiteSpace(t.Value))
            .ToDictionary(t => t.Key == Everyone ? Everyone : Languages.Find(t.Key)?.Code() ?? t.Key, t => t.Value.Trim(), StringComparer.Ordinal),
        string.IsNullOrWhiteSpace(Fallback) ? null : Languages.Find(Fallback)?.Code() ?? Fallback);
}

/// <summary>A broadcast as an advisor asks for it, before it is a job.</summary>
public sealed record BroadcastDraft(BroadcastTexts Texts, AudienceFilter Filter, DateTimeOffset? At = null, bool Urgent = false);
