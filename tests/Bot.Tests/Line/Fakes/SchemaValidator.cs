using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Bot.Tests.Line.Fakes;

/// <summary>One broken rule, in LINE's error-detail shape: the JSON path and what is wrong.</summary>
public sealed record SpecViolation(string Property, string Message)
{
    public override string ToString() => $"{Property}: {Message}";
}

/// <summary>
/// Checks a JSON value against a schema of an <see cref="OpenApiSpec"/>: the OpenAPI subset LINE's files use
/// ($ref, allOf, discriminator, type, required, properties, items, min/maxItems, min/maxLength, pattern, enum,
/// minimum/maximum, format uri). Unknown keywords are ignored rather than guessed.
/// </summary>
public sealed class SchemaValidator(OpenApiSpec spec)
{
    public IReadOnlyList<SpecViolation> Validate(string schemaName, JsonNode? value)
    {
        var violations = new List<SpecViolation>();
        Check(spec.Schema(schemaName), value, "", violations, dispatch: true);
        return violations;
    }

    private void Check(JsonObject schema, JsonNode? value, string path, List<SpecViolation> violations, bool dispatch)
    {
        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            Check(Resolve(reference), value, path, violations, dispatch);
            return;
        }

        // A discriminated base sends the value to its subtype, whose allOf comes back here with dispatch off.
        if (dispatch && schema["discriminator"] is JsonObject discriminator && value is JsonObject discriminated
            && Dispatch(discriminator, discriminated, path, violations))
        {
            return;
        }

        if (schema["allOf"] is JsonArray allOf)
        {
            foreach (var part in allOf.OfType<JsonObject>())
            {
                Check(part, value, path, violations, dispatch: false);
            }
        }

        if (value is null)
        {
            return;
        }

        if (!HasType(schema, value, path, violations))
        {
            return;
        }

        switch (value)
        {
            case JsonObject obj:
                CheckObject(schema, obj, path, violations);
                break;
            case JsonArray array:
                CheckArray(schema, array, path, violations);
                break;
            case JsonValue scalar:
                CheckScalar(schema, scalar, path, violations);
                break;
        }
    }

    private bool Dispatch(JsonObject discriminator, JsonObject value, string path, List<SpecViolation> violations)
    {
        var propertyName = discriminator["propertyName"]!.GetValue<string>();
        if (value[propertyName] is not JsonValue tag || tag.GetValueKind() != JsonValueKind.String)
        {
            return false; // "required" of the base schema reports the missing tag.
        }

        if (discriminator["mapping"]?[tag.GetValue<string>()]?.GetValue<string>() is { } target)
        {
            Check(Resolve(target), value, path, violations, dispatch: true);
        }
        else
        {
            violations.Add(new(Join(path, propertyName), $"Unknown {propertyName} '{tag.GetValue<string>()}'"));
        }

        return true;
    }

    private void CheckObject(JsonObject schema, JsonObject value, string path, List<SpecViolation> violations)
    {
        if (schema["required"] is JsonArray required)
        {
            foreach (var name in required.Select(r => r!.GetValue<string>()))
            {
                if (value[name] is null)
                {
                    violations.Add(new(Join(path, name), "Must be specified"));
                }
            }
        }

        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, propertySchema) in properties)
            {
                if (value.TryGetPropertyValue(name, out var propertyValue) && propertySchema is JsonObject ps)
                {
                    Check(ps, propertyValue, Join(path, name), violations, dispatch: true);
                }
            }
        }
    }

    private void CheckArray(JsonObject schema, JsonArray value, string path, List<SpecViolation> violations)
    {
        var min = Number(schema, "minItems");
        var max = Number(schema, "maxItems");
        if (value.Count < (min ?? 0) || value.Count > (max ?? double.MaxValue))
        {
            violations.Add(new(path, $"Size must be between {min ?? 0} and {max?.ToString(CultureInfo.InvariantCulture) ?? "∞"}"));
        }

        if (schema["items"] is JsonObject items)
        {
            for (var i = 0; i < value.Count; i++)
            {
                Check(items, value[i], $"{path}[{i}]", violations, dispatch: true);
            }
        }
    }

    private static void CheckScalar(JsonObject schema, JsonValue value, string path, List<SpecViolation> violations)
    {
        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            violations.Add(new(path, $"Must be one of {allowed.ToJsonString()}"));
        }

        if (value.GetValueKind() == JsonValueKind.Number)
        {
            var number = AsDouble(value);
            if (number < (Number(schema, "minimum") ?? double.MinValue) || number > (Number(schema, "maximum") ?? double.MaxValue))
            {
                violations.Add(new(path, $"Must be between {Number(schema, "minimum")} and {Number(schema, "maximum")}"));
            }

            return;
        }

        if (value.GetValueKind() != JsonValueKind.String)
        {
            return;
        }

        var text = value.GetValue<string>();
        // JSON Schema counts characters as code points, not UTF-16 units.
        var length = text.EnumerateRunes().Count();
        var minLength = Number(schema, "minLength");
        var maxLength = Number(schema, "maxLength");
        if (length < (minLength ?? 0) || length > (maxLength ?? double.MaxValue))
        {
            violations.Add(new(path, $"Length must be between {minLength ?? 0} and {maxLength}"));
        }

        if (schema["pattern"]?.GetValue<string>() is { } pattern && !Regex.IsMatch(text, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            violations.Add(new(path, $"Must match {pattern}"));
        }

        if (schema["format"]?.GetValue<string>() == "uri" && !Uri.TryCreate(text, UriKind.Absolute, out _))
        {
            violations.Add(new(path, "Must be an absolute URI"));
        }
    }

    private static bool HasType(JsonObject schema, JsonNode value, string path, List<SpecViolation> violations)
    {
        var type = schema["type"]?.GetValue<string>();
        var kind = value.GetValueKind();
        var ok = type switch
        {
            null => true,
            "object" => kind == JsonValueKind.Object,
            "array" => kind == JsonValueKind.Array,
            "string" => kind == JsonValueKind.String,
            "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            "number" => kind == JsonValueKind.Number,
            "integer" => kind == JsonValueKind.Number && double.IsInteger(AsDouble(value)),
            _ => true,
        };
        if (!ok)
        {
            violations.Add(new(path, $"Must be of type {type}"));
        }

        return ok;
    }

    private JsonObject Resolve(string reference)
    {
        const string Prefix = "#/components/schemas/";
        return reference.StartsWith(Prefix, StringComparison.Ordinal)
            ? spec.Schema(reference[Prefix.Length..])
            : throw new NotSupportedException($"Only local schema references are supported, not {reference}.");
    }

    private static double? Number(JsonObject schema, string keyword) => schema[keyword] is { } node ? AsDouble(node) : null;

    // Through the JSON text, because a JsonValue made from a long will not hand out a double.
    private static double AsDouble(JsonNode node) => double.Parse(node.ToJsonString(), CultureInfo.InvariantCulture);

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
