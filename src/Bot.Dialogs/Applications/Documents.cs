using Bot.Dialogs.Forms;

namespace Bot.Dialogs.Applications;

/// <summary>The document slots applications share; each application numbers them as its NIA page does.</summary>
public static class Documents
{
    /// <summary>The ID photo (照片上傳), first on every application data page.</summary>
    public static readonly DocumentSlot Photo = new(DocumentSlot.PhotoId, 0, Required: true);

    /// <summary>Anything else the school or NIA asked for (其他相關證明文件); also where 補件 files go.</summary>
    public static DocumentSlot Other(int number) => new("other", number, Required: false);

    public static DocumentSlot Required(string id, int number) => new(id, number, Required: true);

    public static DocumentSlot Optional(string id, int number) => new(id, number, Required: false);

    /// <summary>A slot asked only when <paramref name="appliesWhen"/> holds; the checklist says when (<c>doc.{id}.when</c>).</summary>
    public static DocumentSlot When(string id, int number, Func<FieldContext, bool> appliesWhen, bool required = true) =>
        new(id, number, required) { AppliesWhen = appliesWhen, Conditional = true };

    /// <summary>True when the student answered "yes" to a yes/no field.</summary>
    public static Func<FieldContext, bool> Yes(string fieldId) => c => c.State.Answer(fieldId) == "yes";
}
