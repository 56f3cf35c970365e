using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Bot.Tests.Infrastructure;

/// <summary>
/// A Bot API call's parameters, whichever way they came: query string, JSON body, url-encoded or
/// multipart form (Telegram.Bot uses multipart when it uploads an InputFile stream).
/// </summary>
internal sealed record ApiRequest(JsonObject Parameters, IReadOnlyDictionary<string, UploadedFile> Uploads)
{
    public long? Long(string name) =>
        Parameters[name] is JsonValue v && v.TryGetValue<long>(out var n) ? n
        : Parameters[name] is JsonValue s && s.TryGetValue<string>(out var text) && long.TryParse(text, out var parsed) ? parsed
        : null;

    public string? String(string name) =>
        Parameters[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? (string?)v : null;

    public JsonObject? Object(string name) => Parameters[name] as JsonObject;

    public static async Task<ApiRequest> ReadAsync(HttpRequest request, string method, TelegramSpec spec, CancellationToken cancellationToken)
    {
        var parameters = new JsonObject();
        var uploads = new Dictionary<string, UploadedFile>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Query)
        {
            parameters[name] = Coerce(spec.ParameterTypes(method, name), value.ToString());
        }
        if (request.HasJsonContentType())
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync(cancellationToken);
            if (!string.IsNullOrWhiteSpace(body) && JsonNode.Parse(body) is JsonObject json)
            {
                foreach (var (name, value) in json)
                {
                    parameters[name] = value?.DeepClone();
                }
            }
        }
        else if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            foreach (var (name, value) in form)
            {
                parameters[name] = Coerce(spec.ParameterTypes(method, name), value.ToString());
            }
            foreach (var file in form.Files)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, cancellationToken);
                uploads[file.Name] = new UploadedFile(file.Name, file.FileName, file.ContentType, buffer.ToArray());
                // A file part named like a parameter is that parameter's InputFile, as Telegram reads it.
                if (spec.ParameterTypes(method, file.Name).Count > 0)
                {
                    parameters[file.Name] = $"attach://{file.Name}";
                }
            }
        }
        return new ApiRequest(parameters, uploads);
    }

    /// <summary>Form values are all text; read them as the type the spec documents, as Telegram does.</summary>
    private static JsonNode? Coerce(IReadOnlyList<string> types, string value)
    {
        if (types.Contains("Integer") && long.TryParse(value, out var integer))
        {
            return integer;
        }
        if (types.Contains("Float") && double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }
        if (types.Contains("Boolean") && bool.TryParse(value, out var flag))
        {
            return flag;
        }
        var structured = types.Any(t => t is not ("String" or "InputFile" or "Integer" or "Float" or "Boolean"));
        if (structured && value.TrimStart() is ['{' or '[', ..])
        {
            try
            {
                return JsonNode.Parse(value);
            }
            catch (JsonException)
            {
                // Not JSON after all: keep the text and let validation report the type mismatch.
            }
        }
        return value;
    }
}
