namespace Bot.Host.Storage;

/// <summary>
/// A student on one channel (tg:123, line:U4af…, web:…, cli:local). Every Redis key of a student carries
/// this id in a hash tag, e.g. <c>st:{tg:123}</c>, so multi-key scripts run on a Redis Cluster too.
/// </summary>
public readonly record struct StudentKey(string Channel, string Id)
{
    public override string ToString() => Channel + ":" + Id;

    public string Tag => "{" + Channel + ":" + Id + "}";

    public static StudentKey Parse(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 ? throw new FormatException($"Not a student key: {value}") : new StudentKey(value[..colon], value[(colon + 1)..]);
    }
}
