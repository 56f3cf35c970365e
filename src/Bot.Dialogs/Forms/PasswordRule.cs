namespace Bot.Dialogs.Forms;

/// <summary>
/// The NIA login password rule: at least 8 characters, at least one lower-case letter and one digit.
/// The bot only checks a password the student types; it never stores or logs it.
/// </summary>
public static class PasswordRule
{
    public const int MinimumLength = 8;

    public static IReadOnlyList<string> Problems(string password)
    {
        var problems = new List<string>(3);
        if (password.Length < MinimumLength)
        {
            problems.Add("password.problem.length");
        }

        if (!password.Any(char.IsAsciiLetterLower))
        {
            problems.Add("password.problem.lower");
        }

        if (!password.Any(char.IsAsciiDigit))
        {
            problems.Add("password.problem.digit");
        }

        return problems;
    }
}
