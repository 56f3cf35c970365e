using System.Text.Json.Serialization;

namespace Bot.Host.Line.Api;

/// <summary>What a button does. Named LineAction so it never clashes with <see cref="System.Action"/>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(PostbackAction), "postback")]
[JsonDerivedType(typeof(MessageAction), "message")]
[JsonDerivedType(typeof(UriAction), "uri")]
[JsonDerivedType(typeof(CameraAction), "camera")]
[JsonDerivedType(typeof(CameraRollAction), "cameraRoll")]
[JsonDerivedType(typeof(DatetimePickerAction), "datetimepicker")]
[JsonDerivedType(typeof(ClipboardAction), "clipboard")]
public abstract record LineAction(string? Label);

/// <summary>
/// Sends <paramref name="Data"/> (≤ 300 chars) back as a postback event; <paramref name="DisplayText"/> is what the
/// chat shows as the user's message, so the choice stays visible without being parsed as typed text.
/// </summary>
public sealed record PostbackAction(string Label, string Data, string? DisplayText = null) : LineAction(Label);

/// <summary>The user "types" <paramref name="Text"/>.</summary>
public sealed record MessageAction(string Label, string Text) : LineAction(Label);

public sealed record UriAction(string Label, string Uri) : LineAction(Label);

/// <summary>Quick reply only: opens the camera; the photo arrives as an image message.</summary>
public sealed record CameraAction(string Label) : LineAction(Label);

/// <summary>Quick reply only: opens the gallery; the photo arrives as an image message.</summary>
public sealed record CameraRollAction(string Label) : LineAction(Label);

/// <summary>
/// Opens the phone's date (or time) picker; the choice comes back as a postback whose <c>params.date</c> holds it.
/// In date mode <paramref name="Initial"/>, <paramref name="Min"/> and <paramref name="Max"/> are yyyy-MM-dd, from 1900-01-01 to 2100-12-31.
/// </summary>
public sealed record DatetimePickerAction(string Label, string Data, string Mode, string? Initial = null, string? Min = null, string? Max = null) : LineAction(Label);

/// <summary>Copies <paramref name="ClipboardText"/> (at most 1000 characters) to the phone's clipboard.</summary>
public sealed record ClipboardAction(string Label, string ClipboardText) : LineAction(Label);
