using System.Text.Json;

namespace Bot.Bench.Engine;

/// <summary>A top-level field of a JSON request body (Telegram.Bot sends most calls as JSON), read without a model.</summary>
internal static class BodyField
{
    public static long Long(byte[] json, ReadOnlySpan<byte> name)
    {
        var reader = new Utf8JsonReader(json);
        return json.Length > 0 && Find(ref reader, name) ? (reader.TokenType == JsonTokenType.Number ? reader.GetInt64() : long.Parse(reader.GetString()!)) : 0;
    }

    public static string? String(byte[] json, ReadOnlySpan<byte> name)
    {
        var reader = new Utf8JsonReader(json);
        return json.Length > 0 && Find(ref reader, name) ? (reader.TokenType == JsonTokenType.String ? reader.GetString() : reader.GetInt64().ToString()) : null;
    }

    private static bool Find(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals(name))
            {
                return reader.Read();
            }
        }

        return false;
    }
}
