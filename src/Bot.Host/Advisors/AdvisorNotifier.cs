using Bot.Dialogs.Conversation;
using Bot.Host.Conversation;
using Bot.Host.Line;
using Bot.Host.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Host.Advisors;

/// <summary>Writes to every advisor's chat (Telegram and LINE ids from the options) on whatever channel reaches them.</summary>
public sealed class AdvisorNotifier(IOptions<AdvisorsOptions> options, StudentMessenger messenger, ILogger<AdvisorNotifier> logger)
{
    public IEnumerable<StudentKey> Advisors =>
        options.Value.TelegramUserIds.Select(id => new StudentKey("tg", id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Concat(options.Value.LineUserIds.Select(id => new StudentKey("line", id)));

    public async Task<int> NotifyAllAsync(Reply reply, CancellationToken cancellationToken)
    {
        var reached = 0;
        foreach (var advisor in Advisors)
        {
            if (await NotifyAsync(advisor, reply, cancellationToken))
            {
                reached++;
            }
        }

        return reached;
    }

    public async Task<bool> NotifyAsync(StudentKey advisor, Reply reply, CancellationToken cancellationToken)
    {
        try
        {
            // Each configured channel has a pusher (Telegram, LINE); an advisor on a channel that is off is not reachable.
            if (messenger.CanReach(advisor))
            {
                return await messenger.PushAsync(advisor, [reply], cancellationToken) == PushResult.Sent;
            }
        }
        catch (Exception e) when (e is HttpRequestException or LineApiException or TaskCanceledException)
        {
            AdvisorLog.NotifyFailed(logger, advisor.Channel, e);
        }

        return false;
    }
}
