using Bot.Dialogs.Conversation;
using Bot.Dialogs.Messages;
using Bot.Dialogs.Reminders;
using Bot.Host.Reminders;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.Host.Health;

/// <summary>
/// The data the dialog reads: the message catalogue of every language and the office calendar (the built-in one or
/// Holidays:File). A calendar without this year or the next is Degraded, not Unhealthy: pickup dates are then
/// approximate (HolidayCalendarCheck logs it at start), and the host still serves.
/// </summary>
public sealed class DataFilesHealthCheck(DialogSettings dialog, HolidayCalendar holidays, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var empty = Languages.All.Where(l => dialog.Messages.Keys(l).Count == 0).Select(l => l.Code()).ToList();
        if (empty.Count > 0)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"no messages loaded for {string.Join(", ", empty)}"));
        }

        var missing = HolidayCalendarCheck.MissingYears(holidays, time);
        return Task.FromResult(missing.Count > 0
            ? HealthCheckResult.Degraded($"office calendar ({holidays.Origin}) has no {string.Join(" or ", missing)}: pickup dates are approximate")
            : HealthCheckResult.Healthy($"messages ({string.Join(", ", Languages.All.Select(l => l.Code()))}) and office calendar ({holidays.Origin}) loaded"));
    }
}
