namespace Bot.Host.Storage;

/// <summary>
/// A student on one channel (tg:123, line:U4af…, web:…, cli:local). Every Redis key of a student carries
/// this id in a hash tag, e.g. <c>st:{tg:123}</c>, so multi-key scripts run on a Redis Cluster too.
/// </summary>
public readonly record struct StudentKey(string Channel, string Id)
{
    public override string ToString() => Channel + ":" + Id;

    public string Tag => "{" + Channel + ":" + Id + "}";

    public static StudentKey Parse(string value) =>
        TryParse(value, out var student) ? student : throw new FormatException($"Not a student key: {value}");

    public static bool TryParse(string value, out StudentKey student)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        student = colon > 0 && colon < value.Length - 1 ? new StudentKey(value[..colon], value[(colon + 1)..]) : default;
        return colon > 0 && colon < value.Length - 1;
    }
}
