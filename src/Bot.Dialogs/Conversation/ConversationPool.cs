using System.Collections.Concurrent;

namespace Bot.Dialogs.Conversation;

/// <summary>
/// Reuses conversations between turns. Configuring the Stateless machine costs ~27 KB and ~40 µs, more than the turn
/// it serves (docs/benchmarks.md); a conversation is a machine plus the student's state, so one machine can serve any
/// number of students, one turn at a time. Rent one per turn; give it back only when the turn ended normally (a turn
/// that threw may have left the machine mid-transition, so that conversation is dropped).
/// </summary>
public sealed class ConversationPool(DialogSettings settings)
{
    /// <summary>More than the turns that run at once on a host; beyond it, returned conversations are left to the GC.</summary>
    private const int MaxIdle = 512;

    private readonly ConcurrentQueue<StudentConversation> idle = new();

    /// <summary>What every conversation of this pool shares (the clock, the fees, the office calendar…).</summary>
    public DialogSettings Settings => settings;
    private int idleCount;

    public StudentConversation Rent(StudentState state)
    {
        if (idle.TryDequeue(out var conversation))
        {
            Interlocked.Decrement(ref idleCount);
            conversation.Reuse(state);
            return conversation;
        }

        return new StudentConversation(state, settings);
    }

    public void Return(StudentConversation conversation)
    {
        if (!conversation.Uses(settings))
        {
            throw new ArgumentException("The conversation was made with other settings.", nameof(conversation));
        }

        conversation.Release();
        if (Interlocked.Increment(ref idleCount) > MaxIdle)
        {
            Interlocked.Decrement(ref idleCount);
            return;
        }

        idle.Enqueue(conversation);
    }
}
