namespace Bot.Tests.Line.Fakes;

/// <summary>Reply tokens as LINE treats them: issued with an event, usable once, within one minute.</summary>
public sealed class ReplyTokenBook(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, (string UserId, DateTimeOffset IssuedAt)> open = [];
    private readonly Lock gate = new();

    public string Issue(string userId)
    {
        var token = Guid.NewGuid().ToString("N");
        lock (gate)
        {
            open[token] = (userId, time.GetUtcNow());
        }

        return token;
    }

    /// <summary>Removes the token whatever the outcome: an expired or used token never becomes valid again.</summary>
    public bool TryUse(string? token, out string userId)
    {
        userId = "";
        lock (gate)
        {
            if (token is null || !open.Remove(token, out var entry) || time.GetUtcNow() - entry.IssuedAt >= Lifetime)
            {
                return false;
            }

            userId = entry.UserId;
            return true;
        }
    }
}
