using Bot.Dialogs.Forms;

namespace Bot.Dialogs.Conversation;

public sealed partial class StudentConversation
{
    private void ShowReview()
    {
        var context = Context;
        output.Say(StepHeader() + "\n" + output.T("review.intro"));
        var lines = new List<string>();
        var number = 0;
        foreach (var field in ExtensionForm.Fields.Where(f => IsShown(f, context) && ReviewShows(f)))
        {
            number++;
            var value = state.Answer(field.Id);
            var shown = value is not null ? DisplayValue(field, value) : state.IsSkipped(field.Id) || field.Optional ? output.T("review.skipped") : output.T("review.missing");
            lines.Add($"{number}. {output.T(field.LabelKey)}: {shown}");
        }

        output.Say(string.Join('\n', lines));
        var missing = MissingFields().ToList();
        var rows = new List<IReadOnlyList<Choice>>();
        if (missing.Count == 0)
        {
            rows.Add([new(output.T("button.reviewOk"), ButtonData.ReviewOk)]);
        }
        else
        {
            output.SayKey("review.missingFields", string.Join(", ", missing.Select(f => output.T(f.LabelKey))));
        }

        rows.Add([new(output.T("button.reviewEdit"), ButtonData.ReviewEdit)]);
        rows.Add([new(output.T("button.back"), ButtonData.Back), new(output.T("button.help"), ButtonData.Help)]);
        output.Buttons(rows);
    }

    /// <summary>A field is shown when it is asked, or when another answer filled it (the school's address, a one-line name).</summary>
    private bool IsShown(FieldSpec field, FieldContext context) => field.AppliesWhen(context) || state.Answer(field.Id) is not null;

    /// <summary>Helper answers that are only a means to another (which name format, copy the school's address) are not reviewed.</summary>
    private static bool ReviewShows(FieldSpec field) =>
        field.Id is not ("nameLines" or "fullName" or "addressSource" or "contactSource" or "schoolId");

    private bool HandleReviewButton(string data)
    {
        if (data == ButtonData.ReviewOk)
        {
            if (MissingFields().FirstOrDefault() is { } missing)
            {
                state.Field = missing.Id;
                machine.Fire(Trigger.Edit);
                return true;
            }

            machine.Fire(Trigger.Next);
            return true;
        }

        if (data == ButtonData.ReviewEdit || data.StartsWith(ButtonData.PagePrefix, StringComparison.Ordinal))
        {
            state.Page = data.StartsWith(ButtonData.PagePrefix, StringComparison.Ordinal) && int.TryParse(data.AsSpan(ButtonData.PagePrefix.Length), out var page) ? page : 0;
            AskWhichFieldToEdit();
            return true;
        }

        if (data.StartsWith(ButtonData.EditPrefix, StringComparison.Ordinal) && ExtensionForm.Find(data[ButtonData.EditPrefix.Length..]) is { } field)
        {
            // Editing the name or address format re-asks its dependants; editing a part of the school's address switches to typing it.
            state.Field = field.Id;
            if (field.Screen == NiaScreen.Address && state.Answer("addressSource") == "school")
            {
                state.Answers["addressSource"] = "own";
            }

            if (field.Screen == NiaScreen.Contact && state.Answer("contactSource") == "school")
            {
                state.Answers["contactSource"] = "own";
            }

            state.Page = 0;
            machine.Fire(Trigger.Edit);
            return true;
        }

        return false;
    }

    private void AskWhichFieldToEdit()
    {
        var context = Context;
        var editable = ExtensionForm.Fields.Where(f => f.AppliesWhen(context) && f.Id is not ("fullName" or "addressSource" or "contactSource")).ToList();
        const int perPage = 10;
        var pages = (editable.Count + perPage - 1) / perPage;
        var page = Math.Clamp(state.Page, 0, pages - 1);
        var rows = editable.Skip(page * perPage).Take(perPage)
            .Select(f => new Choice(Shorten(output.T(f.LabelKey)), ButtonData.Edit(f.Id)))
            .Chunk(2)
            .Select(c => (IReadOnlyList<Choice>)c)
            .ToList();
        var pager = new List<Choice>();
        if (page > 0)
        {
            pager.Add(new(output.T("button.previousPage"), ButtonData.Page(page - 1)));
        }

        if (page < pages - 1)
        {
            pager.Add(new(output.T("button.nextPage"), ButtonData.Page(page + 1)));
        }

        if (pager.Count > 0)
        {
            rows.Add(pager);
        }

        output.SayKey("review.whichField");
        output.Buttons(rows);
    }

    /// <summary>The copy-ready summary: one message per NIA screen, Chinese label and a tap-to-copy value, in the site's order.</summary>
    private void ShowSummary()
    {
        output.SayKey("summary.intro").Flush();
        var context = Context;
        foreach (var screen in Enum.GetValues<NiaScreen>().Where(s => s != NiaScreen.BotOnly))
        {
            var lines = new List<string> { "【" + output.T($"screen.{screen}") + "】" };
            if (screen == NiaScreen.Registration && state.Answer("nameLines") == "one")
            {
                lines.Add(output.T("summary.oneNameLine"));
            }

            foreach (var field in ExtensionForm.Fields.Where(f => f.Screen == screen && IsShown(f, context)))
            {
                var value = state.Answer(field.Id);
                lines.Add(value is null ? $"{field.NiaLabel}: —" : $"{field.NiaLabel}: {Reply.Copyable(NiaValue(field, value))}");
            }

            if (screen == NiaScreen.Address)
            {
                var full = string.Concat(ExtensionForm.AddressParts.Select(p => NiaValue(ExtensionForm.Get(p), state.Answer(p) ?? string.Empty)));
                lines.Add(output.F("summary.fullAddress", Reply.Copyable(full)));
            }

            if (screen == NiaScreen.ApplicationData)
            {
                lines.Add("申請資格: " + Reply.Copyable("外國及外僑學生進入臺灣地區就學"));
            }

            if (screen == NiaScreen.Pickup && ServiceStations.ByName(NiaValue(ExtensionForm.Get("station"), state.Answer("station") ?? string.Empty)) is { } station)
            {
                lines.Add(output.F("summary.station", station.Address, station.Phone));
            }

            output.Say(string.Join('\n', lines)).Flush();
        }

        output.Say(DocumentChecklist()).Flush();
        if (state.ReceiptNumber is null)
        {
            output.SayKey("summary.submitSteps");
            AskReceipt();
        }
        else
        {
            ConfirmSubmitted();
        }
    }
}
