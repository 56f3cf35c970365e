using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Bot.Dialogs.Forms;

/// <summary>Phone numbers, e-mail addresses and passport numbers.</summary>
public static partial class ContactRules
{
    [GeneratedRegex(@"^\+?[0-9][0-9 \-()]{5,22}$")]
    private static partial Regex Phone();

    [GeneratedRegex(@"^[A-Z0-9]{5,15}$")]
    private static partial Regex Passport();

    [GeneratedRegex(@"^\d{1,6}$")]
    private static partial Regex Extension();

    public static FieldResult AnyPhone(string input)
    {
        var value = input.Trim();
        var digits = value.Count(char.IsAsciiDigit);
        return Phone().IsMatch(value) && digits is >= 7 and <= 15 ? FieldResult.Ok(value) : FieldResult.Error("field.phone.error");
    }

    /// <summary>A Taiwanese mobile or landline (with an extension), in one spelling (<see cref="Forms.TaiwanPhone"/>).</summary>
    public static FieldResult PhoneInTaiwan(string input) =>
        Forms.TaiwanPhone.Normalise(input) is { } number ? FieldResult.Ok(number) : FieldResult.Error("field.taiwanPhone.error");

    public static FieldResult PhoneExtension(string input)
    {
        var value = input.Trim().TrimStart('#', '*');
        return Extension().IsMatch(value) ? FieldResult.Ok(value) : FieldResult.Error("field.phoneExt.error");
    }

    public static FieldResult Email(string input)
    {
        var value = input.Trim();
        if (value.Length > 100 || value.Contains(' ', StringComparison.Ordinal) || !MailAddress.TryCreate(value, out var address)
            || address.Address != value || !address.Host.Contains('.', StringComparison.Ordinal))
        {
            return FieldResult.Error("field.email.error");
        }

        return FieldResult.Ok(value, "field.email.notice");
    }

    public static FieldResult PassportNumber(string input)
    {
        var value = input.Trim().Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        return Passport().IsMatch(value) ? FieldResult.Ok(value) : FieldResult.Error("field.passportNumber.error");
    }

    /// <summary>A contact's ID: a Taiwan national ID, a UI number, or a passport number.</summary>
    public static FieldResult PersonId(string input)
    {
        var value = input.Trim().ToUpperInvariant();
        if (value.Length == 10 && char.IsAsciiLetterUpper(value[0]) && (char.IsAsciiDigit(value[1]) || value[1] is >= 'A' and <= 'D'))
        {
            return UiNumber.HasValidCheckDigit(value) && value[2..].All(char.IsAsciiDigit)
                ? FieldResult.Ok(value)
                : FieldResult.Error("field.contactId.error.checkDigit");
        }

        return PassportNumber(value).IsValid ? FieldResult.Ok(value) : FieldResult.Error("field.contactId.error");
    }
}
