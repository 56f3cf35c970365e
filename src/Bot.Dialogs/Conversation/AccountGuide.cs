using Bot.Dialogs.Forms;

namespace Bot.Dialogs.Conversation;

/// <summary>
/// The steps around the form that the student does on the NIA site: the account password (checked against the rule,
/// never kept), the activation e-mail, logging in and opening the application, and the receipt number after 送出.
/// </summary>
internal sealed class AccountGuide(TurnContext ctx, IConversationMoves moves)
{
    /// <summary>Kept in <see cref="StudentState.Field"/> while the next text is a password to check.</summary>
    public const string CheckingPassword = "password";

    public bool ExpectsPassword => ctx.State.Field == CheckingPassword;

    /// <summary>
    /// The password rule. A check is offered only where the student's message stays in memory and can be deleted
    /// (<see cref="TurnContext.InboundDeletable"/>); elsewhere the student is told not to type a password in the chat.
    /// </summary>
    public void ExplainPassword()
    {
        var offer = ctx.InboundDeletable;
        ctx.Output.Say(ctx.StepHeader(FormStep.Register) + "\n" + ctx.T("password.explain") + "\n" + ctx.T(offer ? "password.offerCheck" : "password.dontType"));
        List<IReadOnlyList<Choice>> rows = offer ? [[new(ctx.T("button.checkPassword"), ButtonData.CheckPassword)]] : [];
        rows.Add([new(ctx.T("button.registered"), ButtonData.Next)]);
        rows.Add([new(ctx.T("button.back"), ButtonData.Back), new(ctx.T("button.help"), ButtonData.Help)]);
        ctx.Output.Buttons(rows);
    }

    public void AskPasswordToCheck()
    {
        if (!ctx.InboundDeletable)
        {
            // An old button, pressed where messages cannot be deleted: the rule again, with "don't type it here".
            ExplainPassword();
            return;
        }

        ctx.State.Field = CheckingPassword;
        ctx.Output.SayKey("password.askToCheck");
    }

    /// <summary>
    /// Checks a password against the NIA rule. The password is not stored, logged or echoed; the host deletes the chat
    /// message (the reply says it tried: a chat may refuse). A password that reached the bot in a message it cannot
    /// delete, or that was stored on the way, is not checked at all.
    /// </summary>
    public void CheckPassword(string password)
    {
        ctx.State.Field = null;
        if (!ctx.InboundDeletable)
        {
            ctx.Output.SayKey("password.notChecked");
            ExplainPassword();
            return;
        }

        ctx.Output.Effects |= TurnEffects.DeleteInboundMessage;
        var problems = PasswordRule.Problems(password);
        if (problems.Count == 0)
        {
            ctx.Output.SayKey("password.ok");
        }
        else
        {
            ctx.Output.Say(ctx.T("password.notOk") + "\n" + string.Join('\n', problems.Select(p => "• " + ctx.T(p))));
        }

        ExplainPassword();
    }

    public void ExplainEmailVerification()
    {
        ctx.Output.Say(ctx.StepHeader(FormStep.VerifyEmail) + "\n" + ctx.F("email.explain", ctx.State.Answer("email") ?? "—"));
        ctx.Output.Buttons([
            [new(ctx.T("button.emailVerified"), ButtonData.Next)],
            [new(ctx.T("button.emailMissing"), ButtonData.EmailMissing)],
            [new(ctx.T("button.back"), ButtonData.Back), new(ctx.T("button.help"), ButtonData.Help)],
        ]);
    }

    public void EmailMissing()
    {
        ctx.Output.SayKey("email.missing");
        ExplainEmailVerification();
    }

    /// <summary>Logging in, then the menu item of the chosen application.</summary>
    public void ExplainLogin()
    {
        ctx.Output.Say(ctx.StepHeader(FormStep.LogIn) + "\n" + ctx.T("login.explain") + "\n" + ctx.T(ctx.Application.OpenKey));
        ctx.Output.Buttons([
            [new(ctx.T("button.loggedIn"), ButtonData.Next)],
            [new(ctx.T("button.back"), ButtonData.Back), new(ctx.T("button.help"), ButtonData.Help)],
        ]);
    }

    /// <summary>After the summary: the pages to fill on the site, then the 12-digit receipt number.</summary>
    public void AskForReceipt()
    {
        ctx.Output.SayKey(ctx.Application.SubmitStepsKey);
        AskReceipt();
    }

    public void AskReceipt()
    {
        ctx.Output.SayKey("receipt.ask");
        ctx.Output.Buttons([
            [new(ctx.T("button.showSummary"), ButtonData.Summary), new(ctx.T("button.pdf"), ButtonData.Pdf)],
            [new(ctx.T("button.backToReview"), ButtonData.Back), new(ctx.T("button.help"), ButtonData.Help)],
        ]);
    }

    public void TakeReceiptNumber(string text)
    {
        var digits = new string([.. text.Where(c => !char.IsWhiteSpace(c) && c != '-')]);
        if (digits.Length == 9 && digits.All(char.IsAsciiDigit))
        {
            // The 團號 (group number) in NIA's e-mails has 9 digits; the 收件號 has 12.
            ctx.Output.SayKey("receipt.groupNumber");
            AskReceipt();
            return;
        }

        if (digits.Length != 12 || !digits.All(char.IsAsciiDigit))
        {
            ctx.Output.SayKey("receipt.error");
            AskReceipt();
            return;
        }

        ctx.State.ReceiptNumber = digits;
        moves.Submitted();
    }
}
