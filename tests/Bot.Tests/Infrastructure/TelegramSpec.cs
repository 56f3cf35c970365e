using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bot.Tests.Infrastructure;

/// <summary>
/// The official Bot API description (Specs/telegram/bot-api.json) used to check every call the bot makes:
/// required parameters present, no unknown parameters, and values of the documented types.
/// </summary>
public sealed partial class TelegramSpec
{
    private static readonly Lazy<TelegramSpec> Shared = new(() => Load(DefaultPath));

    private readonly Dictionary<string, JsonObject> _methods;
    private readonly Dictionary<string, JsonObject> _types;

    private TelegramSpec(Dictionary<string, JsonObject> methods, Dictionary<string, JsonObject> types)
    {
        _methods = methods;
        _types = types;
    }

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "Specs", "telegram", "bot-api.json");

    /// <summary>Loaded once per test run: the file is close to a megabyte.</summary>
    public static TelegramSpec Default => Shared.Value;

    public static TelegramSpec Load(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        static Dictionary<string, JsonObject> Index(JsonNode? node, StringComparer comparer) =>
            node!.AsObject().ToDictionary(p => p.Key, p => p.Value!.AsObject(), comparer);
        // Telegram matches method names case-insensitively; type names are exact.
        return new TelegramSpec(Index(root["methods"], StringComparer.OrdinalIgnoreCase), Index(root["types"], StringComparer.Ordinal));
    }

    /// <summary>The method's documented spelling, or null if the API has no such method.</summary>
    public string? CanonicalMethodName(string method) =>
        _methods.TryGetValue(method, out var spec) ? (string?)spec["name"] : null;

    /// <summary>Documented types of a method parameter ("Integer", "Array of String", ...), empty if unknown.</summary>
    public IReadOnlyList<string> ParameterTypes(string method, string parameter) =>
        Fields(_methods.GetValueOrDefault(method)).FirstOrDefault(f => (string?)f["name"] == parameter) is { } field
            ? TypesOf(field)
            : [];

    /// <summary>Every way the call breaks the spec; empty when it is valid.</summary>
    /// <param name="uploads">Names of multipart file parts, which "attach://name" values may refer to.</param>
    public IReadOnlyList<string> Validate(string method, JsonObject parameters, IReadOnlySet<string> uploads)
    {
        if (!_methods.TryGetValue(method, out var spec))
        {
            return [$"unknown method '{method}'"];
        }
        var problems = new List<string>();
        CheckObject(Fields(spec), parameters, "", uploads, problems);
        CheckMethodRules((string)spec["name"]!, parameters, problems);
        return problems;
    }

    private void CheckObject(IEnumerable<JsonObject> fields, JsonObject value, string path, IReadOnlySet<string> uploads, List<string> problems)
    {
        var known = fields.ToDictionary(f => (string)f["name"]!);
        foreach (var (name, field) in known)
        {
            if ((bool?)field["required"] == true && !value.ContainsKey(name))
            {
                problems.Add($"required parameter '{path}{name}' is missing");
            }
        }
        foreach (var (name, node) in value)
        {
            if (!known.TryGetValue(name, out var field))
            {
                problems.Add($"unknown parameter '{path}{name}'");
                continue;
            }
            CheckUnion(TypesOf(field), node, $"{path}{name}", uploads, problems);
        }
    }

    /// <summary>A value must match one of the documented types; report the closest candidate's problems.</summary>
    private void CheckUnion(IReadOnlyList<string> types, JsonNode? node, string path, IReadOnlySet<string> uploads, List<string> problems)
    {
        List<string>? best = null;
        foreach (var type in types)
        {
            var attempt = new List<string>();
            CheckType(type, node, path, uploads, attempt);
            if (attempt.Count == 0)
            {
                return;
            }
            if (best is null || attempt.Count < best.Count)
            {
                best = attempt;
            }
        }
        problems.AddRange(best ?? []);
    }

    private void CheckType(string type, JsonNode? node, string path, IReadOnlySet<string> uploads, List<string> problems)
    {
        const string arrayOf = "Array of ";
        if (type.StartsWith(arrayOf, StringComparison.Ordinal))
        {
            if (node is not JsonArray array)
            {
                problems.Add($"'{path}' must be an array ({type})");
                return;
            }
            for (var i = 0; i < array.Count; i++)
            {
                CheckType(type[arrayOf.Length..], array[i], $"{path}[{i}]", uploads, problems);
            }
            return;
        }
        var before = problems.Count;
        var kind = node?.GetValueKind();
        var ok = type switch
        {
            "Integer" => kind == JsonValueKind.Number && IsWhole(node!),
            "Float" => kind == JsonValueKind.Number,
            "String" => kind == JsonValueKind.String,
            "Boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            "InputFile" => kind == JsonValueKind.String && RefersToUpload((string)node!, uploads),
            _ => CheckNamedType(type, node, path, uploads, problems),
        };
        if (!ok && problems.Count == before)
        {
            problems.Add($"'{path}' must be {type}");
        }
    }

    private bool CheckNamedType(string type, JsonNode? node, string path, IReadOnlySet<string> uploads, List<string> problems)
    {
        if (!_types.TryGetValue(type, out var spec))
        {
            problems.Add($"'{path}' has undocumented type {type}");
            return false;
        }
        var before = problems.Count;
        if (spec["subtypes"] is JsonArray subtypes && subtypes.Count > 0)
        {
            CheckUnion([.. subtypes.Select(s => (string)s!)], node, path, uploads, problems);
            return problems.Count == before;
        }
        if (node is not JsonObject obj)
        {
            return false;
        }
        CheckObject(Fields(spec), obj, path + ".", uploads, problems);
        CheckTypeRules(type, obj, path, problems);
        return problems.Count == before;
    }

    private static bool IsWhole(JsonNode node) =>
        node.AsValue().TryGetValue<long>(out _) || (node.AsValue().TryGetValue<double>(out var d) && d == Math.Floor(d));

    /// <summary>A file_id or URL is any string; "attach://name" must name an uploaded part.</summary>
    private static bool RefersToUpload(string value, IReadOnlySet<string> uploads) =>
        !value.StartsWith("attach://", StringComparison.Ordinal) || uploads.Contains(value["attach://".Length..]);

    private static IEnumerable<JsonObject> Fields(JsonObject? spec) =>
        spec?["fields"] is JsonArray fields ? fields.Select(f => f!.AsObject()) : [];

    private static string[] TypesOf(JsonObject field) => [.. field["types"]!.AsArray().Select(t => (string)t!)];
}
