using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Bot.Dialogs.Conversation;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = false)]
[JsonSerializable(typeof(StudentState))]
internal sealed partial class StudentStateJsonContext : JsonSerializerContext;

/// <summary>Reads and writes a student's record, upgrading older versions on the way in.</summary>
public static class StudentStateJson
{
    public static byte[] Serialize(StudentState state) =>
        JsonSerializer.SerializeToUtf8Bytes(state, StudentStateJsonContext.Default.StudentState);

    public static StudentState Deserialize(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        var version = PeekVersion(utf8);
        if (version == StudentState.CurrentVersion)
        {
            return JsonSerializer.Deserialize(ref reader, StudentStateJsonContext.Default.StudentState)
                ?? throw new InvalidDataException("Empty student record.");
        }

        var node = JsonNode.Parse(utf8) as JsonObject ?? throw new InvalidDataException("A student record is not a JSON object.");
        StudentStateMigrations.Upgrade(node);
        return node.Deserialize(StudentStateJsonContext.Default.StudentState) ?? throw new InvalidDataException("Empty student record.");
    }

    private static int PeekVersion(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("v"u8))
            {
                reader.Read();
                return reader.GetInt32();
            }
        }

        return 0;
    }
}
