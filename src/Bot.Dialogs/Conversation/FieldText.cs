using Bot.Dialogs.Forms;
using Bot.Dialogs.Messages;

namespace Bot.Dialogs.Conversation;

/// <summary>How an answer reads: back to the student (options by their label in the student's language), or as the NIA site takes it.</summary>
internal static class FieldText
{
    public static string Display(FieldSpec field, string value, FieldContext context, Language language) =>
        field.OptionsFor(context)?.ByCode(value)?.Label(language) ?? value;

    /// <summary>The NIA's own text for an answer: what the student types or picks on the site.</summary>
    public static string Nia(FieldSpec field, string value, FieldContext context) =>
        field.OptionsFor(context)?.ByCode(value)?.Value ?? value;
}
