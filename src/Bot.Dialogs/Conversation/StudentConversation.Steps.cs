using Bot.Dialogs.Forms;
using Bot.Dialogs.Messages;

namespace Bot.Dialogs.Conversation;

public sealed partial class StudentConversation
{
    private void AskLanguage()
    {
        // Bilingual on purpose: the student may not read the language we guessed.
        var suggested = state.Language;
        output.SayKey("language.ask");
        Choice zh = new("中文（繁體）", ButtonData.LanguagePrefix + "zh");
        Choice en = new("English", ButtonData.LanguagePrefix + "en");
        output.Buttons([suggested == Language.TraditionalChinese ? [zh, en] : [en, zh]]);
    }

    private void AskApplication()
    {
        output.SayKey("application.ask");
        var rows = NiaLists.ApplicationKinds.Options
            .Select(o => (IReadOnlyList<Choice>)[new Choice(Shorten(o.Label(state.Language)), ButtonData.Value(o.Code))])
            .ToList();
        output.Buttons(rows);
    }

    private void ChooseApplication(string code)
    {
        if (code != "ext")
        {
            var option = NiaLists.ApplicationKinds.ByCode(code);
            output.SayKey("application.comingSoon", option?.Label(state.Language) ?? code);
            AskApplication();
            return;
        }

        state.ApplicationKind = code;
        output.SayKey("application.extension.intro");
        output.SayKey("register.intro");
        machine.Fire(Trigger.ExtensionChosen);
    }

    private void ExplainPassword()
    {
        output.Say(StepHeader() + "\n" + output.T("password.explain"));
        output.Buttons([
            [new(output.T("button.checkPassword"), ButtonData.CheckPassword)],
            [new(output.T("button.registered"), ButtonData.Next)],
            [new(output.T("button.back"), ButtonData.Back), new(output.T("button.help"), ButtonData.Help)],
        ]);
    }

    /// <summary>Checks a password against the NIA rule. The password is not stored, logged or echoed; the chat message is deleted.</summary>
    private void CheckPassword(string password)
    {
        state.Field = null;
        output.Effects |= TurnEffects.DeleteInboundMessage;
        var problems = PasswordRule.Problems(password);
        if (problems.Count == 0)
        {
            output.SayKey("password.ok");
        }
        else
        {
            output.Say(output.T("password.notOk") + "\n" + string.Join('\n', problems.Select(p => "• " + output.T(p))));
        }

        ExplainPassword();
    }

    private void ExplainEmailVerification()
    {
        output.Say(StepHeader() + "\n" + output.F("email.explain", state.Answer("email") ?? "—"));
        output.Buttons([
            [new(output.T("button.emailVerified"), ButtonData.Next)],
            [new(output.T("button.emailMissing"), ButtonData.EmailMissing)],
            [new(output.T("button.back"), ButtonData.Back), new(output.T("button.help"), ButtonData.Help)],
        ]);
    }

    private void ExplainLogin()
    {
        output.Say(StepHeader() + "\n" + output.T("login.explain"));
        output.Buttons([
            [new(output.T("button.loggedIn"), ButtonData.Next)],
            [new(output.T("button.back"), ButtonData.Back), new(output.T("button.help"), ButtonData.Help)],
        ]);
    }

    private void AskReceipt()
    {
        output.SayKey("receipt.ask");
        output.Buttons([
            [new(output.T("button.showSummary"), ButtonData.Summary)],
            [new(output.T("button.backToReview"), ButtonData.Back), new(output.T("button.help"), ButtonData.Help)],
        ]);
    }

    private void TakeReceiptNumber(string text)
    {
        var digits = new string([.. text.Where(c => !char.IsWhiteSpace(c) && c != '-')]);
        if (digits.Length != 12 || !digits.All(char.IsAsciiDigit))
        {
            output.SayKey("receipt.error");
            AskReceipt();
            return;
        }

        state.ReceiptNumber = digits;
        machine.Fire(Trigger.ReceiptGiven);
    }

    private void ConfirmSubmitted()
    {
        StartCase();
        output.SayKey("submitted.done", state.ReceiptNumber ?? "—");
        ShowCaseMenu();
    }

    private void ShowHelp()
    {
        var key = CurrentField is { } field && settings.Messages.Has(state.Language, $"field.{field.Id}.help")
            ? $"field.{field.Id}.help"
            : $"help.{Phase}";
        output.Say(settings.Messages.Has(state.Language, key) ? output.T(key) : output.T("help.general"));
        output.SayKey("help.commands");
        OfferAdvisor();
        Prompt();
    }

    private void ShowStatus()
    {
        if (state.Case?.SubmittedAt is not null)
        {
            ShowCaseStatus();
            return;
        }

        if (state.ReceiptNumber is not null)
        {
            output.SayKey("status.submitted", state.ReceiptNumber);
        }
        else
        {
            var context = Context;
            var applicable = ExtensionForm.Fields.Where(f => f.AppliesWhen(context)).ToList();
            var answered = applicable.Count(f => state.Answer(f.Id) is not null || state.IsSkipped(f.Id));
            output.SayKey("status.progress", (int)CurrentStep, (int)FormStep.Review, output.T($"step.{CurrentStep}"), answered, applicable.Count);
        }

        Prompt();
    }
}
