using System.Text;
using Bot.Host.Storage.Encryption;

namespace Bot.Host.Inbox;

/// <summary>
/// A webhook's body holds what the student typed (names, passport numbers): it is encrypted before it enters the inbox
/// (or the dead letters), so neither the stream nor Redis' append-only file shows it, and decrypted only when it is handled.
/// Stored as <c>enc1:</c> + base64 (stream fields are read as text), bound to the entry's channel, student and event id; a
/// body without the prefix was stored before encryption and is read as it is. A body that cannot be decrypted (its key was
/// removed) fails its attempts and goes to the dead letters still encrypted, to be replayed once the key is back.
/// </summary>
public sealed class InboxBodies(StorageCipher cipher)
{
    public const string SealedPrefix = "enc1:";

    public InboxEntry Seal(InboxEntry entry) =>
        entry.Body.StartsWith(SealedPrefix, StringComparison.Ordinal)
            ? entry
            : entry with { Body = SealedPrefix + Convert.ToBase64String(cipher.Seal(entry.Body, Context(entry))) };

    public InboxEntry Open(InboxEntry entry) =>
        entry.Body.StartsWith(SealedPrefix, StringComparison.Ordinal)
            ? entry with { Body = Encoding.UTF8.GetString(cipher.Open(Convert.FromBase64String(entry.Body[SealedPrefix.Length..]), Context(entry))) }
            : entry;

    /// <summary>Whether a stored body is sealed with the active key (nothing for <c>rewrap</c> to do).</summary>
    public bool IsCurrent(string storedBody) =>
        storedBody.StartsWith(SealedPrefix, StringComparison.Ordinal) && cipher.IsCurrent(Convert.FromBase64String(storedBody[SealedPrefix.Length..]));

    private static string Context(InboxEntry entry) => $"inbox|{entry.Channel}|{entry.Student}|{entry.EventId}";
}
