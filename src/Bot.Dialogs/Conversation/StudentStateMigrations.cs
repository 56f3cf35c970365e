using System.Text.Json.Nodes;

namespace Bot.Dialogs.Conversation;

/// <summary>
/// One step per schema version, applied in order to a stored record older than
/// <see cref="StudentState.CurrentVersion"/>. A record from a newer release is refused rather than
/// silently losing fields it does not know.
/// </summary>
public static class StudentStateMigrations
{
    private static readonly Action<JsonObject>[] Steps =
    [
        // 0 → 1: records written before versioning had no "v" and kept the language as a code string.
        record =>
        {
            if (record["l"] is JsonValue value && value.TryGetValue<string>(out var code))
            {
                record["l"] = code.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
            }
        },

        // 1 → 2: the form engine. The extension's own phase became the phase of any application's page, and the
        // two phases after submission became one; version 1 only knew the extension.
        record =>
        {
            var phase = record["p"]?.GetValue<string>();
            record["p"] = phase switch
            {
                "FillingExtension" => "FillingForm",
                "Submitted" => "Tracking",
                _ => phase,
            };
            if (phase is not (null or "New" or "ChoosingLanguage" or "ChoosingApplication") && record["k"] is null)
            {
                record["k"] = "ext";
            }
        },
    ];

    public static void Upgrade(JsonObject record)
    {
        var version = record["v"]?.GetValue<int>() ?? 0;
        if (version > StudentState.CurrentVersion)
        {
            throw new InvalidDataException($"Student record version {version} is newer than this release ({StudentState.CurrentVersion}).");
        }

        for (; version < StudentState.CurrentVersion; version++)
        {
            Steps[version](record);
        }

        record["v"] = StudentState.CurrentVersion;
    }
}
