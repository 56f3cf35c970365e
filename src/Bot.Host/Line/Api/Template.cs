using System.Text.Json.Serialization;

namespace Bot.Host.Line.Api;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ButtonsTemplate), "buttons")]
[JsonDerivedType(typeof(ConfirmTemplate), "confirm")]
public abstract record Template;

/// <summary>Up to four buttons under a text; used for choices that do not fit quick replies.</summary>
public sealed record ButtonsTemplate(string Text, IReadOnlyList<LineAction> Actions) : Template
{
    public string? Title { get; init; }

    public string? ThumbnailImageUrl { get; init; }
}

/// <summary>Exactly two buttons (yes/no), e.g. before erasing a user's data.</summary>
public sealed record ConfirmTemplate(string Text, IReadOnlyList<LineAction> Actions) : Template;
