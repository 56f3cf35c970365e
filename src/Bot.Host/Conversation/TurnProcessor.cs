using System.Diagnostics;
using Bot.Dialogs.Conversation;
using Bot.Dialogs.Cases;
using Bot.Host.Storage;
using Bot.Host.Uploads;

namespace Bot.Host.Conversation;

/// <summary>What a turn produced, for the channel to send. <see cref="Replayed"/>: a redelivery, answered from the outbox.</summary>
public sealed record TurnOutcome(IReadOnlyList<Reply> Replies, TurnEffects Effects, bool Replayed, StudentState? State)
{
    /// <summary>
    /// The bot's messages still showing a question's buttons when the turn began (see StudentStore.ButtonsKey): a channel
    /// that can take buttons away does so once the student answered. Null when the turn did not run (refused).
    /// </summary>
    public string? ShownButtons { get; init; }
}

/// <summary>
/// One turn for one student: take the student (lease), load, let the dialog decide, save (with the advisors' roster
/// entry beside it when it changed), release — and only then hand the replies to the channel. Two Redis round trips in
/// the common case.
/// </summary>
public sealed class TurnProcessor(
    StudentStore store,
    ConversationPool conversations,
    UploadProcessor uploads,
    TimeProvider time,
    IEnumerable<ITimelineListener> timelineListeners,
    IEnumerable<ITurnObserver> observers,
    IEnumerable<IStudentDataEraser> erasers,
    Limits.StudentLimits limits,
    Printing.PrintableReplies printables,
    Roster.StudentRoster roster,
    ILogger<TurnProcessor> logger,
    TurnMetrics? metrics = null)
{
    /// <summary>Waits for a student held by another turn (another host, or one that hung) at most this long beyond its lease.</summary>
    private static readonly TimeSpan ExtraWait = TimeSpan.FromSeconds(5);

    /// <summary>The students index is refreshed at most this often per student, keeping the common turn at two round trips (the first also checks the per-student limits).</summary>
    private static readonly TimeSpan IndexRefresh = TimeSpan.FromHours(1);

    /// <summary>The turn, counted by outcome and timed (<see cref="TurnMetrics"/>).</summary>
    public async Task<TurnOutcome?> RunAsync(StudentKey student, string inboundId, Inbound inbound, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = TurnMetrics.Failed;
        try
        {
            var result = await RunTurnAsync(student, inboundId, inbound, cancellationToken);
            outcome = TurnMetrics.OutcomeOf(result);
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = TurnMetrics.Cancelled;
            throw;
        }
        finally
        {
            metrics?.Turn(student.Channel, outcome, Stopwatch.GetElapsedTime(started));
        }
    }

    private async Task<TurnOutcome?> RunTurnAsync(StudentKey student, string inboundId, Inbound inbound, CancellationToken cancellationToken)
    {
        var begin = await AcquireAsync(student, limits.RequestFor(student, inbound), cancellationToken);
        if (begin.Returned)
        {
            await limits.ReturnedAsync(student);
        }

        if (begin.Refusal != Limits.LimitDecision.Admitted)
        {
            // Over their turn rate or daily uploads: no turn, one notice per flood, else nothing.
            return new TurnOutcome(limits.Refusal(student, begin.Refusal, begin.Record, inbound), TurnEffects.None, Replayed: false, State: null);
        }

        if (begin.Lease is not { } lease)
        {
            ConversationLog.StudentBusy(logger, student.Channel);
            return null;
        }

        if (OutboxCodec.Answers(lease.Outbox, inboundId) && OutboxCodec.Decode(lease.Outbox, store.Cipher, student) is { } previous)
        {
            // The platform sent this update again (we stopped before confirming it): answer as before, don't run it twice.
            await store.ReleaseAsync(lease);
            return new TurnOutcome(previous.Replies, previous.Effects, Replayed: true, State: null) { ShownButtons = lease.ShownButtons };
        }

        TurnResult result;
        StudentState state;
        DateTimeOffset lastSeen;
        StudentCase caseBefore;
        Roster.RosterEntry? rosterBefore;
        try
        {
            state = lease.Record is null ? new StudentState() : StudentStateJson.Deserialize(lease.Record);
            lastSeen = state.UpdatedAt;
            caseBefore = StudentCase.Of(state);
            rosterBefore = Roster.StudentRoster.Before(student, lease.Record is null ? null : state);
            var conversation = conversations.Rent(state);
            if (inbound is { Kind: InboundKind.Upload, Uploads.Count: > 0 } && conversation.ExpectedUpload is { } expected)
            {
                // One extra round trip, only for uploads: photo and PDF work may outlast the normal lease.
                await store.ExtendAsync(lease, TimeSpan.FromSeconds(Bot.Dialogs.Uploads.UploadLimits.UploadTurnSeconds));
                inbound = inbound with { Processed = await uploads.ProcessAsync(student, inbound.Uploads, expected, cancellationToken) };
            }

            result = conversation.Handle(inbound);
            conversations.Return(conversation);

            // Only a turn that sends the prepared photo or the printable summary costs a Redis call here.
            result = await printables.CompleteAsync(student, result);
        }
        catch (Exception e)
        {
            // Failed, or cancelled (the host stopping mid-photo): give the student back now, not when the lease runs out,
            // so the update, delivered again, is handled at once.
            await store.TryReleaseAsync(lease);
            if (e is not OperationCanceledException)
            {
                ConversationLog.TurnFailed(logger, student.Channel, e);
            }

            throw;
        }

        var erase = result.Effects.HasFlag(TurnEffects.EraseStudent);
        var outbox = OutboxCodec.Encode(new Outbox(inboundId, result.Replies, result.Effects), store.Cipher, student);

        // What advisors see of the student (stage, deadline, name…) goes to the roster in the same flush as the commit,
        // and only when it changed: most turns send nothing more.
        var rosterWrite = erase ? null : Roster.StudentRoster.Change(student, rosterBefore, state);
        var saved = await store.CommitAsync(
            lease, erase ? null : StudentStateJson.Serialize(state), outbox, rosterWrite is null ? null : batch => roster.SendAlongAsync(batch, rosterWrite));
        if (!saved)
        {
            // The lease ran out (the turn took longer than allowed) and another turn may have moved on: say nothing.
            ConversationLog.LeaseLost(logger, student.Channel);
            if (rosterWrite is not null)
            {
                await roster.RepairAsync(rosterWrite);
            }

            return null;
        }

        if (erase)
        {
            // /delete: the record is gone; every feature that keeps something of its own about the student drops it too.
            store.Forget(student);
            foreach (var eraser in erasers)
            {
                await eraser.EraseAsync(student, cancellationToken);
            }
        }
        else if (time.GetUtcNow() - lastSeen > IndexRefresh)
        {
            store.Touch(student, time.GetUtcNow());
        }

        // Only a changed case costs a third round trip (re-planning its reminders); most turns don't change it.
        if (erase || StudentCase.Of(state) != caseBefore)
        {
            foreach (var listener in timelineListeners)
            {
                await listener.TimelineChangedAsync(student, erase ? null : state, cancellationToken);
            }
        }

        // Observers (advisors' question inbox) see every saved turn; they cost no round trip unless they act.
        if (!erase)
        {
            foreach (var observer in observers)
            {
                await observer.OnTurnAsync(student, inbound, result.Effects, state, cancellationToken);
            }
        }

        return new TurnOutcome(result.Replies, result.Effects, Replayed: false, erase ? null : state) { ShownButtons = lease.ShownButtons };
    }

    /// <summary>The first attempt also checks the limits (in the same round trip); retries while another turn holds the student only wait for the lease.</summary>
    private async Task<TurnBegin> AcquireAsync(StudentKey student, Limits.LimitRequest? limit, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + store.LeaseDuration + ExtraWait;
        var delay = TimeSpan.FromMilliseconds(5);
        var returned = false;
        while (true)
        {
            var begin = await store.TryBeginAsync(student, limit);
            returned |= begin.Returned;
            limit = null;
            if (begin.Lease is not null || begin.Refusal != Limits.LimitDecision.Admitted || time.GetUtcNow() >= deadline)
            {
                return begin with { Returned = returned };
            }

            var wait = begin.Wait;

            // Back off, but never sleep past the holder's lease: it is released or expires by then.
            var pause = TimeSpan.FromTicks(Math.Min(delay.Ticks, wait.Ticks));
            await Task.Delay(pause, time, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromMilliseconds(500).Ticks));
        }
    }
}
