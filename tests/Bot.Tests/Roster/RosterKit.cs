using Bot.Dialogs.Conversation;
using Bot.Host.Advisors;
using Bot.Host.Roster;
using Bot.Host.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace Bot.Tests.Roster;

/// <summary>The roster's real parts on a real Redis: records saved as a turn saves them, entries written, queries run.</summary>
public sealed class RosterKit(IConnectionMultiplexer mux, FakeTimeProvider time)
{
    public StudentStore Store { get; } = new(mux, Options.Create(new StorageOptions()), Infrastructure.TestKeys.Cipher());

    public StudentRoster Roster => new(mux, new StudentDirectory(mux, Store), Store.Cipher, time, NullLogger<StudentRoster>.Instance);

    public RosterSearch Search => new(mux, Roster, Store.Cipher, time);

    /// <summary>Saves the record (and the students index) the way the host does, then its roster entry.</summary>
    public async Task SaveAsync(StudentKey student, StudentState state)
    {
        var db = mux.GetDatabase();
        await db.StringSetAsync(StudentStore.RecordKey(student), Store.Cipher.Seal(StudentStateJson.Serialize(state), StudentStore.RecordKey(student).ToString()));
        await db.SortedSetAddAsync(StudentStore.StudentsIndex, student.ToString(), state.UpdatedAt.ToUnixTimeSeconds());
        await Roster.WriteAsync(student, state);
    }

    public async Task<IReadOnlyList<string>> KeysAsync(RosterQuery query, RosterSort sort = RosterSort.Updated, bool descending = true, int page = 1, int size = 50) =>
        [.. (await Search.PageAsync(query, sort, descending, page, size)).Items.Select(s => s.Key)];
}
