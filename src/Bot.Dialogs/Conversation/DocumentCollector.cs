using Bot.Dialogs.Applications;
using Bot.Dialogs.Uploads;

namespace Bot.Dialogs.Conversation;

/// <summary>
/// The photo and documents of the chosen application, slot by slot (the current slot's id is kept in
/// <see cref="StudentState.Field"/>): asks for each, takes what the upload pipeline prepared, keeps only file names,
/// and writes the checklist.
/// </summary>
internal sealed class DocumentCollector(TurnContext ctx, IConversationMoves moves)
{
    /// <summary>The slots that apply to this student, in the NIA page's order: the photo, then the documents.</summary>
    public List<DocumentSlot> Slots()
    {
        var context = ctx.Fields;
        return [.. ctx.Application.Documents.Where(d => d.AppliesWhen(context))];
    }

    private DocumentSlot Current => Slots().FirstOrDefault(s => s.Id == ctx.State.Field) ?? Documents.Photo;

    /// <summary>The slot an upload now fills.</summary>
    public UploadExpectation Expected => Expectation(Current);

    /// <summary>補件: what NIA asked for goes to "other documents", prepared the same way.</summary>
    public UploadExpectation Supplement =>
        Expectation(ctx.Application.Documents.FirstOrDefault(d => d.Id == "other") ?? Documents.Other(9));

    private static UploadExpectation Expectation(DocumentSlot slot) => new(slot.Id, slot.IsPhoto, slot.FileStem);

    public void Enter(bool fromEnd)
    {
        var slots = Slots();
        ctx.State.Field = fromEnd ? slots[^1].Id : slots[0].Id;
        ctx.Output.Say(ctx.StepHeader(Forms.FormStep.Documents) + "\n" + ctx.T("documents.explain"));
        Ask();
    }

    public void Ask()
    {
        var slot = Current;
        var received = ctx.State.Uploads?.GetValueOrDefault(slot.Id)?.Count ?? 0;
        var text = slot.IsPhoto
            ? ctx.T("documents.askPhoto")
            : ctx.F("documents.askDocument", Title(slot), ctx.T(slot.HintKey));
        if (received > 0)
        {
            text += "\n" + ctx.F("documents.slotHas", received);
        }

        ctx.Output.Say(text);
        ctx.Output.Buttons([
            [new(ctx.T("button.camera"), ButtonData.Camera), new(ctx.T("button.cameraRoll"), ButtonData.CameraRoll)],
            [new(ctx.T(received > 0 ? "button.nextDocument" : "button.uploadLater"), ButtonData.Next)],
            [new(ctx.T("button.back"), ButtonData.Back), new(ctx.T("button.help"), ButtonData.Help)],
        ]);
    }

    /// <summary>On to the next slot; after the last, the checklist and the next phase.</summary>
    public void Next()
    {
        var slots = Slots();
        var index = slots.IndexOf(Current);
        if (index < slots.Count - 1)
        {
            ctx.State.Field = slots[index + 1].Id;
            Ask();
            return;
        }

        ctx.Output.Say(Checklist());
        ctx.State.Field = null;
        moves.Finish();
    }

    public bool CanGoBack => Slots().IndexOf(Current) > 0;

    public void GoBack()
    {
        var slots = Slots();
        ctx.State.Field = slots[slots.IndexOf(Current) - 1].Id;
        Ask();
    }

    /// <summary>Takes what the upload pipeline made of the student's files for <paramref name="slot"/>: each prepared file goes back to the student.</summary>
    public void Take(Inbound inbound, UploadExpectation slot)
    {
        foreach (var processed in inbound.Processed ?? [])
        {
            if (processed.ProblemKey is { } refused)
            {
                ctx.Output.Say("⚠️ " + ctx.T(refused));
            }
            else if (slot.IsPhoto && processed.Photo is { } photo)
            {
                TakePhoto(photo, processed.Preview);
            }
            else if (processed.Document is { } document)
            {
                TakeDocument(slot, document);
            }
        }
    }

    private void TakePhoto(PhotoResult photo, byte[]? preview)
    {
        if (!photo.Accepted || photo.Jpeg is null)
        {
            var reasons = photo.Problems.Select(p => "• " + ctx.T(UploadMessageKeys.For(p)));
            ctx.Output.Say("⚠️ " + ctx.T(UploadMessageKeys.PhotoNotDone) + "\n" + string.Join('\n', reasons));
            return;
        }

        var caption = ctx.F(photo.SummaryKey, [.. photo.SummaryArgs ?? []]);
        var warnings = photo.Problems.Select(p => "⚠️ " + ctx.T(UploadMessageKeys.For(p))).ToList();
        if (warnings.Count > 0)
        {
            caption += "\n" + string.Join('\n', warnings) + "\n" + ctx.T("documents.photoRetry");
        }

        ctx.Output.File(new ReplyFile("photo.jpg", "image/jpeg", photo.Jpeg, preview) { IsIdPhoto = true }, caption);
        Record(DocumentSlot.PhotoId, "photo.jpg", replace: true);
    }

    private void TakeDocument(UploadExpectation slot, DocumentResult document)
    {
        if (!document.Accepted || document.Problem is not null)
        {
            ctx.Output.Say("⚠️ " + ctx.T(UploadMessageKeys.DocNotDone) + "\n" + ctx.T(UploadMessageKeys.For(document.Problem ?? DocumentProblem.Unreadable)));
            return;
        }

        var summary = document.SummaryKey is { } key ? ctx.F(key, [.. document.SummaryArgs ?? []]) : string.Empty;
        var existing = ctx.State.Uploads?.GetValueOrDefault(slot.SlotId)?.Count ?? 0;
        for (var i = 0; i < document.Files.Count; i++)
        {
            var file = document.Files[i];

            // A second file for the same slot is the NIA's "+" (another page): number it so names never clash.
            var name = existing == 0 ? file.FileName : $"{slot.FileStem}-{existing + i + 1}{Path.GetExtension(file.FileName)}";
            ctx.Output.File(new ReplyFile(name, file.ContentType, file.Bytes), i == 0 ? summary : name);
            Record(slot.SlotId, name, replace: false);
        }
    }

    /// <summary>Keeps only file names per slot: the bytes were sent back to the student and are not stored.</summary>
    private void Record(string slot, string fileName, bool replace)
    {
        var uploads = ctx.State.Uploads ??= new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (replace || !uploads.TryGetValue(slot, out var names))
        {
            uploads[slot] = [fileName];
            return;
        }

        names.Add(fileName);
    }

    /// <summary>"2. Passport data page (護照) — required": the NIA's number, what it is, and whether it is needed.</summary>
    private string Title(DocumentSlot slot)
    {
        if (slot.IsPhoto)
        {
            return ctx.T(slot.LabelKey);
        }

        var need = slot.Conditional ? ctx.T(slot.WhenKey) : ctx.T(slot.Required ? "documents.required" : "documents.optional");
        return $"{slot.Number}. {ctx.T(slot.LabelKey)} — {need}";
    }

    /// <summary>The documents the NIA asks for with this application, in its order, with which ones the student has prepared.</summary>
    public string Checklist()
    {
        var lines = new List<string> { ctx.T(ctx.Application.DocumentsTitleKey) };
        foreach (var slot in Slots())
        {
            var done = ctx.State.Uploads?.GetValueOrDefault(slot.Id) is { Count: > 0 } files;
            var mark = done ? "✅" : slot.Required ? "□" : "○";
            var names = done ? " — " + string.Join(", ", ctx.State.Uploads![slot.Id]) : string.Empty;
            lines.Add($"{mark} {Title(slot)}{names}");
        }

        lines.AddRange(ctx.Application.ChecklistNotes.Where(n => n.AppliesWhen(ctx.State)).Select(n => "□ " + ctx.T(n.MessageKey)));
        lines.Add(ctx.T("documents.rules"));
        return string.Join('\n', lines);
    }
}
