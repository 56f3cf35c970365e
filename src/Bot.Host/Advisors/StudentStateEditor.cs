using Bot.Dialogs.Conversation;
using Bot.Host.Conversation;
using Bot.Host.Storage;

namespace Bot.Host.Advisors;

/// <summary>
/// Changes a student's record outside a turn (an advisor takes over or hands back), under the same lease as a
/// turn so the two never overwrite each other. The last turn's outbox is kept, so redeliveries still replay.
/// </summary>
public sealed class StudentStateEditor(StudentStore store, Roster.StudentRoster roster, TimeProvider time)
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    /// <summary>The changed state, or null when the student is unknown (or erased themselves meanwhile).</summary>
    public async Task<StudentState?> UpdateAsync(StudentKey student, Action<StudentState> change, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + store.LeaseDuration + MaxWait;
        while (true)
        {
            var (lease, wait) = await store.TryBeginAsync(student);
            if (lease is null)
            {
                if (time.GetUtcNow() >= deadline)
                {
                    throw new TimeoutException("The student is busy in a turn that does not end.");
                }

                await Task.Delay(TimeSpan.FromTicks(Math.Min(wait.Ticks, TimeSpan.FromMilliseconds(200).Ticks)), time, cancellationToken);
                continue;
            }

            if (lease.Record is null)
            {
                await store.ReleaseAsync(lease);
                return null;
            }

            var state = StudentStateJson.Deserialize(lease.Record);
            var before = Roster.StudentRoster.Before(student, state);
            change(state);
            var outbox = lease.Outbox ?? OutboxCodec.Encode(new Outbox(string.Empty, [], TurnEffects.None), store.Cipher, student);

            // An advisor taking over or handing back changes the roster's "with an advisor": sent with the commit.
            var write = Roster.StudentRoster.Change(student, before, state);
            if (await store.CommitAsync(lease, StudentStateJson.Serialize(state), outbox, write is null ? null : batch => roster.SendAlongAsync(batch, write)))
            {
                return state;
            }

            if (write is not null)
            {
                await roster.RepairAsync(write);
            }
        }
    }
}
