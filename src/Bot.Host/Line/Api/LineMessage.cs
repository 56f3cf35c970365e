using System.Text.Json.Serialization;

namespace Bot.Host.Line.Api;

/// <summary>A message we send. Named LineMessage so it never clashes with Telegram's <c>Message</c> in the same host.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextMessage), "text")]
[JsonDerivedType(typeof(ImageMessage), "image")]
[JsonDerivedType(typeof(TemplateMessage), "template")]
[JsonDerivedType(typeof(FlexMessage), "flex")]
public abstract record LineMessage
{
    public QuickReply? QuickReply { get; init; }
}

/// <summary>Up to 5000 characters (checked by <see cref="LineLimits"/> before sending).</summary>
public sealed record TextMessage(string Text) : LineMessage;

/// <summary>Both URLs must be https and publicly reachable: LINE fetches them, we do not upload.</summary>
public sealed record ImageMessage(string OriginalContentUrl, string PreviewImageUrl) : LineMessage;

/// <summary><paramref name="AltText"/> is what notifications and old clients show instead of the template.</summary>
public sealed record TemplateMessage(string AltText, Template Template) : LineMessage;
