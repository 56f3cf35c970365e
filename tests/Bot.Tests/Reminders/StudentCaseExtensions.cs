using Bot.Dialogs.Cases;

namespace Bot.Tests.Reminders;

internal static class StudentCaseExtensions
{
    /// <summary>The same case with its progress changed, e.g. <c>approved.With(p => p with { PaidAt = … })</c>.</summary>
    public static StudentCase With(this StudentCase studentCase, Func<CaseProgress, CaseProgress> change) =>
        studentCase with { Progress = change(studentCase.Progress) };
}
