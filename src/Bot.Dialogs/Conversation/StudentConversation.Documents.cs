using Bot.Dialogs.Uploads;

namespace Bot.Dialogs.Conversation;

public sealed partial class StudentConversation
{
    private const string PhotoSlot = "photo";

    /// <summary>What an upload now would be used for; null when the bot is not asking for files.</summary>
    public UploadExpectation? ExpectedUpload => Phase switch
    {
        State.Documents when state.Field == PhotoSlot => new UploadExpectation(PhotoSlot, true, "photo"),
        State.Documents when DocumentSlots.Find(state.Field ?? string.Empty) is { } d => new UploadExpectation(d.Id, false, d.FileStem),

        // 補件: what the NIA asked for comes as "other documents", prepared the same way.
        State.AddingDocuments => new UploadExpectation(DocumentSlots.Other.Id, false, DocumentSlots.Other.FileStem),
        _ => null,
    };

    /// <summary>The slots of the NIA's 應檢附文件 for this student, in order: the photo, then the documents.</summary>
    private List<string> Slots()
    {
        var slots = new List<string> { PhotoSlot };
        slots.AddRange(DocumentSlots.All.Where(d => !d.OnlyIfAddressChanged || state.Answer("addressChanged") == "yes").Select(d => d.Id));
        return slots;
    }

    private void EnterDocuments(bool fromEnd)
    {
        var slots = Slots();
        state.Field = fromEnd ? slots[^1] : slots[0];
        output.Say(StepHeader() + "\n" + output.T("documents.explain"));
        AskDocumentSlot();
    }

    private void AskDocumentSlot()
    {
        var slot = state.Field ?? PhotoSlot;
        var received = state.Uploads?.GetValueOrDefault(slot)?.Count ?? 0;
        var text = slot == PhotoSlot
            ? output.T("documents.askPhoto")
            : output.F("documents.askDocument", output.T(SlotLabelKey(slot)), output.T(DocumentSlots.Find(slot)!.HintKey));
        if (received > 0)
        {
            text += "\n" + output.F("documents.slotHas", received);
        }

        output.Say(text);
        output.Buttons([
            [new(output.T("button.camera"), ButtonData.Camera), new(output.T("button.cameraRoll"), ButtonData.CameraRoll)],
            [new(output.T(received > 0 ? "button.nextDocument" : "button.uploadLater"), ButtonData.Next)],
            [new(output.T("button.back"), ButtonData.Back), new(output.T("button.help"), ButtonData.Help)],
        ]);
    }

    private bool HandleDocumentsButton(string data)
    {
        if (data != ButtonData.Next)
        {
            return false;
        }

        NextDocumentSlot();
        return true;
    }

    private void NextDocumentSlot()
    {
        var slots = Slots();
        var index = slots.IndexOf(state.Field ?? PhotoSlot);
        if (index >= 0 && index < slots.Count - 1)
        {
            state.Field = slots[index + 1];
            AskDocumentSlot();
            return;
        }

        output.Say(DocumentChecklist());
        state.Field = null;
        machine.Fire(Trigger.Next);
    }

    private bool MoveToPreviousSlot()
    {
        var slots = Slots();
        var index = slots.IndexOf(state.Field ?? PhotoSlot);
        if (index <= 0)
        {
            return false;
        }

        state.Field = slots[index - 1];
        return true;
    }

    private void HandleUpload(Inbound inbound)
    {
        if (ExpectedUpload is not { } expected)
        {
            output.SayKey("upload.notNow");
            Prompt();
            return;
        }

        foreach (var processed in inbound.Processed ?? [])
        {
            if (processed.ProblemKey is { } refused)
            {
                output.Say("⚠️ " + output.T(refused));
            }
            else if (expected.IsPhoto && processed.Photo is { } photo)
            {
                TakePhoto(photo, processed.Preview);
            }
            else if (processed.Document is { } document)
            {
                TakeDocument(expected, document);
            }
        }

        if (Phase == State.AddingDocuments)
        {
            AskMoreDocuments();
            return;
        }

        AskDocumentSlot();
    }

    private void TakePhoto(PhotoResult photo, byte[]? preview)
    {
        if (!photo.Accepted || photo.Jpeg is null)
        {
            var reasons = photo.Problems.Select(p => "• " + output.T(UploadMessageKeys.For(p)));
            output.Say("⚠️ " + output.T(UploadMessageKeys.PhotoNotDone) + "\n" + string.Join('\n', reasons));
            return;
        }

        var caption = output.F(photo.SummaryKey, [.. photo.SummaryArgs ?? []]);
        var warnings = photo.Problems.Select(p => "⚠️ " + output.T(UploadMessageKeys.For(p))).ToList();
        if (warnings.Count > 0)
        {
            caption += "\n" + string.Join('\n', warnings) + "\n" + output.T("documents.photoRetry");
        }

        output.File(new ReplyFile("photo.jpg", "image/jpeg", photo.Jpeg, preview), caption);
        RecordUpload(PhotoSlot, "photo.jpg", replace: true);
    }

    private void TakeDocument(UploadExpectation slot, DocumentResult document)
    {
        if (!document.Accepted || document.Problem is not null)
        {
            output.Say("⚠️ " + output.T(UploadMessageKeys.DocNotDone) + "\n" + output.T(UploadMessageKeys.For(document.Problem ?? DocumentProblem.Unreadable)));
            return;
        }

        var summary = document.SummaryKey is { } key ? output.F(key, [.. document.SummaryArgs ?? []]) : string.Empty;
        var existing = state.Uploads?.GetValueOrDefault(slot.SlotId)?.Count ?? 0;
        for (var i = 0; i < document.Files.Count; i++)
        {
            var file = document.Files[i];

            // A second file for the same slot is the NIA's "+" (another page): number it so names never clash.
            var name = existing == 0 ? file.FileName : $"{slot.FileStem}-{existing + i + 1}{Path.GetExtension(file.FileName)}";
            output.File(new ReplyFile(name, file.ContentType, file.Bytes), i == 0 ? summary : name);
            RecordUpload(slot.SlotId, name, replace: false);
        }
    }

    /// <summary>Keeps only file names per slot: the bytes were sent back to the student and are not stored.</summary>
    private void RecordUpload(string slot, string fileName, bool replace)
    {
        state.Uploads ??= new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (replace || !state.Uploads.TryGetValue(slot, out var names))
        {
            state.Uploads[slot] = [fileName];
            return;
        }

        names.Add(fileName);
    }

    private static string SlotLabelKey(string slot) => slot switch
    {
        "arc" => "documents.arc",
        "passport" => "documents.passport",
        "residence" => "documents.residence",
        "enrolment" => "documents.enrolment",
        "other" => "documents.other",
        _ => "documents.photo",
    };

    /// <summary>The documents the NIA asks for with the extension, in its order, with which ones the student has prepared.</summary>
    private string DocumentChecklist()
    {
        var lines = new List<string> { output.T("documents.checklist.title") };
        foreach (var slot in Slots())
        {
            var done = state.Uploads?.GetValueOrDefault(slot) is { Count: > 0 } files;
            var optional = slot is "residence" or "other";
            var mark = done ? "✅" : optional ? "○" : "□";
            var names = done ? " — " + string.Join(", ", state.Uploads![slot]) : string.Empty;
            lines.Add($"{mark} {output.T(SlotLabelKey(slot))}{names}");
        }

        if (state.Answer("programme") == "exchange")
        {
            lines.Add("□ " + output.T("documents.exchangeLetter"));
        }

        lines.Add(output.T("documents.rules"));
        return string.Join('\n', lines);
    }
}
