using Bot.Dialogs.Conversation;

namespace Bot.Tests.Dialogs;

/// <summary>
/// The password step: a check is offered only for messages that stay in memory and can be deleted (Telegram polling,
/// the terminal); elsewhere (LINE, webhooks) the rule is stated and the student told not to type a password here.
/// </summary>
public sealed class PasswordCheckTests
{
    [Fact]
    public void ChecksAPasswordWithoutKeepingItAndOnlyClaimsToHaveAskedForTheDeletion()
    {
        var d = new DialogDriver { Deletable = true }.ToRegistration().Register();
        Assert.Contains("I can check a password", d.Text, StringComparison.Ordinal);

        d.Press("pw:check").Say("Sunflowers");
        Assert.Contains("digit", d.Text, StringComparison.Ordinal);
        Assert.Contains("I have asked the chat to delete your message", d.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("has been deleted", d.Text, StringComparison.Ordinal);
        Assert.True(d.Last.Effects.HasFlag(TurnEffects.DeleteInboundMessage));
        Assert.DoesNotContain("Sunflowers", System.Text.Encoding.UTF8.GetString(StudentStateJson.Serialize(d.State)), StringComparison.Ordinal);

        d.Press("pw:check").Say("taipei2026x");
        Assert.Contains("meets the NIA rule", d.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("taipei2026x", System.Text.Encoding.UTF8.GetString(StudentStateJson.Serialize(d.State)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("English", "don't type your NIA password in this chat")]
    [InlineData("中文", "請勿在這個聊天室輸入移民署密碼")]
    public void WhereMessagesCannotBeDeletedStatesTheRuleAndOffersNoCheck(string language, string warning)
    {
        var d = new DialogDriver().ToRegistration(language).Register();

        Assert.Contains(warning, d.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(d.Buttons, b => b.Data == ButtonData.CheckPassword);
        Assert.Contains(d.Buttons, b => b.Data == ButtonData.Next);
    }

    [Fact]
    public void AnOldCheckButtonTappedWhereMessagesCannotBeDeletedInvitesNoPassword()
    {
        var d = new DialogDriver().ToRegistration().Register().PressStale(ButtonData.CheckPassword);

        Assert.DoesNotContain("Type the password", d.Text, StringComparison.Ordinal);
        Assert.Contains("don't type your NIA password", d.Text, StringComparison.Ordinal);

        // So the next text is no password to check: "next" moves on as usual.
        d.Say("next");
        Assert.Equal("VerifyingEmail", d.State.Phase);
    }

    [Fact]
    public void APasswordThatReachedTheBotStoredIsNeitherCheckedNorClaimedDeleted()
    {
        // Offered on a deletable channel, but the password came back another way (a replayed dead letter).
        var d = new DialogDriver { Deletable = true }.ToRegistration().Register().Press("pw:check");
        d.Deletable = false;
        d.Say("Sunflowers");

        Assert.Contains("I did not check that message", d.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("meet the NIA rule", d.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("meets the NIA rule", d.Text, StringComparison.Ordinal);
        Assert.False(d.Last.Effects.HasFlag(TurnEffects.DeleteInboundMessage));
        Assert.Null(d.State.Field);
    }
}
