using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Bot.Tests.Line.Fakes;

/// <summary>
/// One of the official LINE OpenAPI files, loaded from the copy under Specs/line in the test output (never from /work/shared).
/// The YAML is turned into a JsonNode tree so the validator and the tests can read schemas with one API.
/// </summary>
public sealed class OpenApiSpec
{
    private OpenApiSpec(JsonObject root) => Root = root;

    public JsonObject Root { get; }

    public JsonObject Schemas => Root["components"]!["schemas"]!.AsObject();

    public static OpenApiSpec MessagingApi { get; } = Load("messaging-api.yml");

    public static OpenApiSpec Webhook { get; } = Load("webhook.yml");

    public static string PathOf(string fileName) => Path.Combine(AppContext.BaseDirectory, "Specs", "line", fileName);

    public static OpenApiSpec Load(string fileName)
    {
        using var reader = new StreamReader(PathOf(fileName));
        var yaml = new YamlStream();
        yaml.Load(reader);
        return new OpenApiSpec(ToJson(yaml.Documents[0].RootNode)!.AsObject());
    }

    /// <summary>A schema by name, e.g. <c>Schema("QuickReply")</c>.</summary>
    public JsonObject Schema(string name) =>
        Schemas[name]?.AsObject() ?? throw new KeyNotFoundException($"No schema {name} in the spec.");

    /// <summary>A keyword of a property, looking through allOf, e.g. <c>Constraint("PostbackAction", "data", "maxLength")</c>.</summary>
    public long? Constraint(string schemaName, string property, string keyword)
    {
        foreach (var part in Parts(Schema(schemaName)))
        {
            if (part["properties"]?[property]?[keyword] is JsonValue value)
            {
                return value.GetValue<long>();
            }
        }

        return null;
    }

    private static IEnumerable<JsonObject> Parts(JsonObject schema)
    {
        yield return schema;
        if (schema["allOf"] is JsonArray allOf)
        {
            foreach (var part in allOf.OfType<JsonObject>().Where(p => p["$ref"] is null))
            {
                yield return part;
            }
        }
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(
            pair => KeyValuePair.Create(((YamlScalarNode)pair.Key).Value!, ToJson(pair.Value)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    /// <summary>Plain scalars that look like numbers or booleans become those; quoted ones stay strings.</summary>
    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != YamlDotNet.Core.ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            return JsonValue.Create(real);
        }

        return text switch
        {
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            "null" or "~" or "" => null,
            _ => JsonValue.Create(text),
        };
    }
}
