using Bot.Host.Conversation;
using Bot.Host.Storage;
using Bot.Host.Storage.Encryption;
using StackExchange.Redis;

namespace Bot.Host.Printing;

/// <summary>
/// The student's prepared ID photo, kept only for the printable summary (<see cref="PrintableReplies"/>): sealed with the
/// storage key (<see cref="StorageCipher"/>, bound to its Redis key), under the student's hash tag, for at most
/// <see cref="Lifetime"/>; deleted once the student reports the application filed (the NIA has the photo then) and by
/// /delete. One value per student: a new photo replaces the old.
/// </summary>
public sealed class PreparedPhotoStore(IConnectionMultiplexer redis, StorageCipher cipher) : IStudentDataEraser, ITimelineListener
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public static RedisKey Key(StudentKey student) => "photo:" + student.Tag;

    public Task KeepAsync(StudentKey student, byte[] jpeg) =>
        redis.GetDatabase().StringSetAsync(Key(student), Seal(student, jpeg), Lifetime);

    /// <summary>The photo, or null when there is none (never sent, expired, deleted) or it cannot be opened (a retired key).</summary>
    public async Task<byte[]?> ReadAsync(StudentKey student)
    {
        var stored = (byte[]?)await redis.GetDatabase().StringGetAsync(Key(student));
        if (stored is null)
        {
            return null;
        }

        try
        {
            return cipher.Open(stored, Context(student));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // Sealed under a key no longer configured (StorageKeyMissingException is one): print without the photo.
            return null;
        }
    }

    public Task EraseAsync(StudentKey student, CancellationToken cancellationToken) =>
        redis.GetDatabase().KeyDeleteAsync(Key(student));

    /// <summary>Filed (a receipt number): the photo is with the NIA, so it is not kept any longer.</summary>
    public Task TimelineChangedAsync(StudentKey student, Bot.Dialogs.Conversation.StudentState? state, CancellationToken cancellationToken) =>
        state?.ReceiptNumber is null ? Task.CompletedTask : EraseAsync(student, cancellationToken);

    internal byte[] Seal(StudentKey student, byte[] jpeg) => cipher.Seal(jpeg, Context(student));

    internal byte[] Open(StudentKey student, byte[] sealedValue) => cipher.Open(sealedValue, Context(student));

    private static string Context(StudentKey student) => "photo:" + student.Tag;
}
