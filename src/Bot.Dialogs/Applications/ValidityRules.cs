using Bot.Dialogs.Forms;

namespace Bot.Dialogs.Applications;

/// <summary>Which 居留證效期 a student may ask for, per application (Act Art. 22 ¶3, 31; Regulations Art. 11, 12).</summary>
public static class ValidityRules
{
    /// <summary>The 6-month electronic ARC given before school registration (school practice, domain.md §4.1).</summary>
    public const string SixMonths = "6m";

    private static readonly OptionSet OneYear = new("validity", [NiaLists.Validity.Options[0]]);

    private static readonly OptionSet HalfYear = new("validity", [new Option(SixMonths, "6個月", "6 months")]);

    /// <summary>Programmes capped at 1 year: language centres (Regulations Art. 12) and training courses (研習、受訓).</summary>
    private static readonly HashSet<string> OneYearProgrammes = new(StringComparer.Ordinal) { "language", "overseasTech", "foreignTech" };

    /// <summary>1 to 3 years; graduates (畢業實習延期: 1 year, once more at most) and short programmes 1 year.</summary>
    public static OptionSet Extension(FieldContext context) =>
        context.State.Answer("reason") == "graduate" || OneYearProgrammes.Contains(context.State.Answer("programme") ?? string.Empty)
            ? OneYear
            : ForProgramme(context);

    /// <summary>Before school registration a 6-month e-ARC; after it, 1 year (school practice).</summary>
    public static OptionSet FirstApplication(FieldContext context) =>
        context.State.Answer("studyStatus") == "notRegistered" ? HalfYear : OneYear;

    /// <summary>The IC card that replaces the e-ARC after registration: 1 year (school practice).</summary>
    public static OptionSet CardExchange(FieldContext context) => OneYear;

    /// <summary>A new school or level: as for an extension (the programme decides), short programmes 1 year.</summary>
    public static OptionSet ForProgramme(FieldContext context) =>
        OneYearProgrammes.Contains(context.State.Answer("programme") ?? string.Empty) ? OneYear : NiaLists.Validity;

    /// <summary>Years charged for a validity answer: under a year counts as a full year (Fee-Charging Standards Art. 3).</summary>
    public static int FeeYears(string? validity) =>
        int.TryParse(validity, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var years)
            ? Math.Clamp(years, 1, 3)
            : 1;
}
