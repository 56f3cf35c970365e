using System.Text.Json.Serialization;

namespace Bot.Host.Line.Api;

/// <summary>
/// A Flex message: <paramref name="AltText"/> (1–1500 characters) is what notifications, the chat list and clients
/// without Flex show.
/// </summary>
public sealed record FlexMessage(string AltText, FlexContainer Contents) : LineMessage;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(FlexBubble), "bubble")]
[JsonDerivedType(typeof(FlexCarousel), "carousel")]
public abstract record FlexContainer;

/// <summary>
/// One card: a header, a body and a footer, each a box (at most 30 KB of JSON). Blocks and carousel items are typed as
/// their polymorphic base so the serializer writes their <c>type</c>, which LINE requires.
/// </summary>
public sealed record FlexBubble : FlexContainer
{
    public string? Size { get; init; }

    public FlexComponent? Header { get; init; }

    public FlexComponent? Body { get; init; }

    public FlexComponent? Footer { get; init; }

    public FlexBubbleStyles? Styles { get; init; }
}

/// <summary>Up to 12 bubbles side by side (at most 50 KB of JSON).</summary>
public sealed record FlexCarousel(IReadOnlyList<FlexContainer> Contents) : FlexContainer;

public sealed record FlexBubbleStyles(FlexBlockStyle? Header = null, FlexBlockStyle? Body = null, FlexBlockStyle? Footer = null);

public sealed record FlexBlockStyle(string? BackgroundColor = null, bool? Separator = null);

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(FlexBox), "box")]
[JsonDerivedType(typeof(FlexText), "text")]
[JsonDerivedType(typeof(FlexButton), "button")]
[JsonDerivedType(typeof(FlexSeparator), "separator")]
public abstract record FlexComponent
{
    public string? Margin { get; init; }

    public int? Flex { get; init; }
}

public sealed record FlexBox(string Layout, IReadOnlyList<FlexComponent> Contents) : FlexComponent
{
    public string? Spacing { get; init; }

    public string? PaddingAll { get; init; }

    public string? BackgroundColor { get; init; }

    public string? CornerRadius { get; init; }
}

public sealed record FlexText(string Text) : FlexComponent
{
    public string? Size { get; init; }

    public string? Weight { get; init; }

    public string? Color { get; init; }

    public bool? Wrap { get; init; }
}

/// <summary>A button; its action's label is at most 20 characters.</summary>
public sealed record FlexButton(LineAction Action) : FlexComponent
{
    public string? Style { get; init; }

    public string? Height { get; init; }

    public string? Color { get; init; }
}

public sealed record FlexSeparator : FlexComponent
{
    public string? Color { get; init; }
}
