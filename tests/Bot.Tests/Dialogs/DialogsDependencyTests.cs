namespace Bot.Tests.Dialogs;

public sealed class DialogsDependencyTests
{
    [Fact]
    public void TheDialogKnowsNothingOfChannelsOrStorage()
    {
        var forbidden = new[] { "Telegram", "StackExchange.Redis", "Microsoft.AspNetCore", "Bot.Host" };
        var references = typeof(Bot.Dialogs.Conversation.StudentConversation).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty);

        Assert.DoesNotContain(references, r => forbidden.Any(f => r.StartsWith(f, StringComparison.Ordinal)));
    }
}
