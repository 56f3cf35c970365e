using global::Telegram.Bot.Types;

namespace Bot.Host.Telegram;

/// <summary>
/// Which polled updates are in flight and which are done, so the offset sent to getUpdates confirms only a prefix of
/// updates that were handled (or dead-lettered): one by one as they finish, never a whole batch because the last update
/// of it was reached. Updates already known (in flight or done, above an unfinished one) are not dispatched again; one
/// whose work ended without finishing (the host stopping) is. <paramref name="onDone"/> hears of each update done, and
/// updates another poller finished (<see cref="AlreadyDone"/>) are passed over without being dispatched.
/// </summary>
internal sealed class PollingLedger(Action<int> onDone)
{
    private readonly Lock gate = new();
    private readonly SortedSet<int> unfinished = [];
    private readonly HashSet<int> toRetry = [];
    private readonly HashSet<int> doneElsewhere = [];
    private int? nextUnseen;
    private int finishedSinceLook;
    private int inFlightAtLook;
    private TaskCompletionSource progress = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The offset for getUpdates: the oldest update not done yet, else one past the newest seen (null before any).</summary>
    public int? Offset
    {
        get
        {
            lock (gate)
            {
                return unfinished.Count > 0 ? unfinished.Min : nextUnseen;
            }
        }
    }

    public int InFlight
    {
        get
        {
            lock (gate)
            {
                return unfinished.Count - toRetry.Count;
            }
        }
    }

    /// <summary>Updates an earlier poller finished (it died before Telegram heard): not dispatched again, only confirmed.</summary>
    public void AlreadyDone(IEnumerable<int> updateIds)
    {
        lock (gate)
        {
            doneElsewhere.UnionWith(updateIds.Where(id => !unfinished.Contains(id)));
        }
    }

    /// <summary>The updates of a getUpdates answer that must be dispatched: new ones, and ones to deliver again.</summary>
    public IReadOnlyList<Update> ToDispatch(IReadOnlyList<Update> updates)
    {
        lock (gate)
        {
            finishedSinceLook = 0;
            inFlightAtLook = unfinished.Count - toRetry.Count;
            List<Update> fresh = [.. updates.Where(u => !doneElsewhere.Contains(u.Id) && (nextUnseen is null || u.Id >= nextUnseen || toRetry.Contains(u.Id)))];
            foreach (var update in updates.Where(u => doneElsewhere.Contains(u.Id)))
            {
                // Seen and done: the offset may pass it once every update before it is done too.
                nextUnseen = Math.Max(nextUnseen ?? 0, update.Id + 1);
            }

            doneElsewhere.RemoveWhere(id => id < nextUnseen);
            return fresh;
        }
    }

    /// <summary>Records dispatched updates and the tasks that say when each is done (true) or must be delivered again (false).</summary>
    public void Dispatched(IReadOnlyList<Update> updates, IReadOnlyList<Task<bool>> done)
    {
        lock (gate)
        {
            for (var i = 0; i < updates.Count; i++)
            {
                var id = updates[i].Id;
                unfinished.Add(id);
                toRetry.Remove(id);
                nextUnseen = Math.Max(nextUnseen ?? 0, id + 1);
            }

            inFlightAtLook = unfinished.Count - toRetry.Count;
        }

        for (var i = 0; i < updates.Count; i++)
        {
            var id = updates[i].Id;
            _ = done[i].ContinueWith(t => Finished(id, t.Result), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>
    /// Waits until it is worth asking Telegram again: half of what was in flight at the last look has finished (one, when
    /// a single update was), or <paramref name="atMost"/> has passed (to see new updates while a slow one runs).
    /// </summary>
    public async Task WaitForProgressAsync(TimeSpan atMost, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(atMost);
        while (true)
        {
            Task next;
            lock (gate)
            {
                if (finishedSinceLook >= Math.Max(1, inFlightAtLook / 2) || unfinished.Count == toRetry.Count)
                {
                    return;
                }

                next = progress.Task;
            }

            try
            {
                await next.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private void Finished(int id, bool done)
    {
        TaskCompletionSource signal;
        lock (gate)
        {
            if (done)
            {
                unfinished.Remove(id);
            }
            else
            {
                toRetry.Add(id);
            }

            finishedSinceLook++;
            signal = progress;
            progress = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        if (done)
        {
            onDone(id);
        }

        signal.TrySetResult();
    }
}
