using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Bot.Tests.Infrastructure;

/// <summary>A file the fake Telegram holds: what users sent and what the bot uploaded, downloadable by file_path.</summary>
public sealed record StoredFile(string FileId, string FileUniqueId, string FilePath, byte[] Bytes, string? FileName, string? MimeType)
{
    public JsonObject ToFileJson() => new()
    {
        ["file_id"] = FileId,
        ["file_unique_id"] = FileUniqueId,
        ["file_size"] = Bytes.Length,
        ["file_path"] = FilePath,
    };
}

/// <summary>Thread-safe store behind getFile and /file/bot{token}/{file_path}.</summary>
internal sealed class FakeTelegramFiles
{
    private readonly ConcurrentDictionary<string, StoredFile> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StoredFile> _byPath = new(StringComparer.Ordinal);
    private int _next;

    /// <param name="folder">Telegram's own folders: photos, documents, voice, stickers.</param>
    public StoredFile Add(byte[] bytes, string folder, string? fileName = null, string? mimeType = null)
    {
        var n = Interlocked.Increment(ref _next);
        var extension = Path.GetExtension(fileName ?? string.Empty) is { Length: > 0 } e ? e : DefaultExtension(folder);
        // Real file ids are long opaque strings; a readable prefix helps when a test prints one.
        var file = new StoredFile($"fake-{folder}-{n}-{Guid.NewGuid():N}", $"u{n}", $"{folder}/file_{n}{extension}", bytes, fileName, mimeType);
        _byId[file.FileId] = file;
        _byPath[file.FilePath] = file;
        return file;
    }

    public StoredFile? ById(string fileId) => _byId.GetValueOrDefault(fileId);

    public StoredFile? ByPath(string filePath) => _byPath.GetValueOrDefault(filePath);

    private static string DefaultExtension(string folder) => folder switch
    {
        "photos" => ".jpg",
        "voice" => ".oga",
        "stickers" => ".webp",
        _ => ".bin",
    };
}

/// <summary>Reads pixel size from a JPEG or PNG header so PhotoSize width/height look real.</summary>
internal static class ImageSize
{
    public static (int Width, int Height) Read(byte[] bytes)
    {
        if (bytes is [0x89, 0x50, 0x4E, 0x47, ..] && bytes.Length >= 24)
        {
            return (BigEndian(bytes, 16, 4), BigEndian(bytes, 20, 4));
        }
        for (var i = 2; i + 9 < bytes.Length;)
        {
            if (bytes[i] != 0xFF)
            {
                break;
            }
            var marker = bytes[i + 1];
            // SOF0..SOF15 carry the frame size; C4/C8/CC are other tables with the same layout start.
            if (marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC))
            {
                return (BigEndian(bytes, i + 7, 2), BigEndian(bytes, i + 5, 2));
            }
            i += 2 + BigEndian(bytes, i + 2, 2);
        }
        return (1280, 960);
    }

    private static int BigEndian(byte[] bytes, int offset, int length)
    {
        var value = 0;
        for (var i = 0; i < length; i++)
        {
            value = (value << 8) | bytes[offset + i];
        }
        return value;
    }
}
