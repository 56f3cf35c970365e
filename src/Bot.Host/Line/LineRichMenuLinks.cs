using Bot.Dialogs.Messages;
using StackExchange.Redis;

namespace Bot.Host.Line;

/// <summary>
/// Which rich menu serves which language, shared by every host through Redis: <c>line:richmenu:{hash}</c> holds the
/// LINE id of the menu drawn from a design (<see cref="LineRichMenuDesign.Hash"/>), and the hash <c>line:richmenus</c>
/// maps each language to the id in use. Once a student picks a language their chat shows that language's menu.
/// Every key is read and written on its own, so this also runs on a Redis Cluster. <c>/delete</c> unlinks the student's
/// menu too, so LINE keeps nothing of their choice.
/// </summary>
public sealed class LineRichMenuLinks(IConnectionMultiplexer redis, LineMessagingClient line, ILogger<LineRichMenuLinks> logger) : Conversation.IStudentDataEraser
{
    public static readonly RedisKey Current = "line:richmenus";

    public static RedisKey ByDesign(string hash) => "line:richmenu:" + hash;

    public static RedisKey CreationLock(string hash) => "line:richmenu:" + hash + ":lock";

    /// <summary>Best effort: the student keeps the default menu when this fails (logged), and gets theirs at their next language choice.</summary>
    public async Task LinkAsync(string userId, Language language, CancellationToken cancellationToken)
    {
        try
        {
            if (await redis.GetDatabase().HashGetAsync(Current, language.Code()) is { HasValue: true } id)
            {
                await line.LinkRichMenuAsync(userId, id!, cancellationToken);
            }
        }
        catch (Exception e) when (e is LineApiException or HttpRequestException or RedisException or TimeoutException)
        {
            LineLog.CallFailed(logger, "link rich menu", e);
        }
    }

    /// <summary>Best effort, like the link: a failure is logged and the student keeps their language's menu.</summary>
    public async Task EraseAsync(Storage.StudentKey student, CancellationToken cancellationToken)
    {
        if (student.Channel != LineEventMapper.Channel)
        {
            return;
        }

        try
        {
            await line.UnlinkRichMenuAsync(student.Id, cancellationToken);
        }
        catch (Exception e) when (e is LineApiException or HttpRequestException or TimeoutException)
        {
            LineLog.CallFailed(logger, "unlink rich menu", e);
        }
    }
}
