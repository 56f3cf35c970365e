using Bot.Dialogs.Forms;

namespace Bot.Dialogs.Applications;

/// <summary>
/// One upload field of an NIA application page (or the photo). Its texts are <c>doc.{Id}</c> (what it is) and
/// <c>doc.{Id}.hint</c> (how to scan it); a conditional slot says when it applies in <c>doc.{Id}.when</c>.
/// <see cref="FileStem"/> starts with the NIA's number for the slot so the student's files sort as the form asks.
/// </summary>
public sealed record DocumentSlot(string Id, int Number, bool Required)
{
    public const string PhotoId = "photo";

    public bool IsPhoto => Id == PhotoId;

    /// <summary>"2-passport", "1-passport-visa": the NIA's number, then the id in lower case with dashes (what the file pipeline accepts).</summary>
    public string FileStem => IsPhoto ? PhotoId : $"{Number}-{string.Concat(Id.Select(c => char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : c.ToString()))}";

    /// <summary>When false the slot is not asked (e.g. residence proof when the address did not change).</summary>
    public Func<FieldContext, bool> AppliesWhen { get; init; } = static _ => true;

    /// <summary>True when the slot is only asked in some cases; the checklist then says which (<c>doc.{Id}.when</c>).</summary>
    public bool Conditional { get; init; }

    public string LabelKey => $"doc.{Id}";

    /// <summary>How to scan it; an application may say it its own way (e.g. residence proof for a first ARC).</summary>
    public string HintKey { get; init; } = $"doc.{Id}.hint";

    public string WhenKey { get; init; } = $"doc.{Id}.when";
}
