using Bot.Dialogs.Conversation;

namespace Bot.Tests.Dialogs;

public sealed class ConversationDiagramTests
{
    [Fact]
    public void TheCommittedStateDiagramMatchesTheCode()
    {
        var expected = "# The conversation\n\n"
            + "Generated from `StudentConversation` by `ConversationDiagramTests` — do not edit by hand.\n"
            + "Each state is a phase of the NIA process, the same for every application; within the form phases a field cursor\n"
            + "walks the chosen application's fields (`Applications/`), within Documents its document slots.\n\n"
            + "```mermaid\n" + StudentConversation.MermaidDiagram().ReplaceLineEndings("\n").TrimEnd() + "\n```\n";
        var path = RepositoryFiles.PathOf("docs/conversation.md");
        var committed = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : string.Empty;

        if (committed != expected)
        {
            // Regenerate so the fix is one commit away, and fail so a stale diagram never passes CI.
            File.WriteAllText(path, expected);
        }

        Assert.True(committed == expected, "docs/conversation.md was stale and has been regenerated: commit it.");
    }
}
