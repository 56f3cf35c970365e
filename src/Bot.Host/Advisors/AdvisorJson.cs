using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Host.Advisors;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ThreadMessage))]
internal sealed partial class AdvisorJson : JsonSerializerContext;
