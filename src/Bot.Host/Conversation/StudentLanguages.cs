using Bot.Dialogs.Conversation;
using Bot.Dialogs.Messages;
using Bot.Host.Storage;

namespace Bot.Host.Conversation;

/// <summary>
/// The language a student chose, for what the host says outside a turn of their own (a pointer out of a group chat):
/// their saved record's, else the platform's hint, else null (nobody known).
/// </summary>
public sealed class StudentLanguages(StudentStore store)
{
    public async Task<Language?> OfAsync(StudentKey student, string? hint)
    {
        if (await store.ReadAsync(student) is { } record)
        {
            return StudentStateJson.Deserialize(record).Language;
        }

        return hint is null ? null : Languages.FromHint(hint);
    }
}
