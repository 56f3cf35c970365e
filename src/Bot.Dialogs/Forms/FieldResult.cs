namespace Bot.Dialogs.Forms;

/// <summary>The outcome of reading one answer: the value to store, or why not (a message key and its arguments).</summary>
public sealed record FieldResult(string? Value, string? ErrorKey, object?[]? Args = null, string? NoticeKey = null, object?[]? NoticeArgs = null)
{
    public bool IsValid => Value is not null;

    public static FieldResult Ok(string value) => new(value, null);

    public static FieldResult Ok(string value, string noticeKey, params object?[] args) => new(value, null, NoticeKey: noticeKey, NoticeArgs: args);

    public static FieldResult Error(string key, params object?[] args) => new(null, key, args);

    /// <summary>
    /// An answer that ends the application: no form can go on from it (e.g. an ARC that has already expired). The
    /// student is told why and what to do instead, and may correct the answer, ask an advisor or start another application.
    /// </summary>
    public bool Stops { get; init; }

    public static FieldResult Stop(string key, params object?[] args) => new(null, key, args) { Stops = true };
}
