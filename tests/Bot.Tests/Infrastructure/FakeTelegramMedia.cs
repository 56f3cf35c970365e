using System.Text.Json.Nodes;

namespace Bot.Tests.Infrastructure;

/// <summary>Documents, photos, media groups and getFile: uploads become stored files the bot can fetch again.</summary>
public sealed partial class FakeTelegramServer
{
    private const int MaxDownloadBytes = 20 * 1024 * 1024;
    private static readonly int[] ThumbnailSides = [90, 320, 800];

    private ApiReply SendDocument(ApiRequest request)
    {
        if (ResolveFile(request.String("document"), request, "documents") is not { } file)
        {
            return ApiReply.BadRequest("wrong file identifier/HTTP URL specified");
        }
        var message = NewBotMessage(request.Long("chat_id")!.Value, request);
        message["document"] = DocumentJson(file);
        CopyIfPresent(request, message, "caption");
        return Store(message);
    }

    private ApiReply SendPhoto(ApiRequest request)
    {
        if (ResolveFile(request.String("photo"), request, "photos") is not { } file)
        {
            return ApiReply.BadRequest("wrong file identifier/HTTP URL specified");
        }
        var message = NewBotMessage(request.Long("chat_id")!.Value, request);
        message["photo"] = PhotoSizes(file);
        CopyIfPresent(request, message, "caption");
        return Store(message);
    }

    private ApiReply SendMediaGroup(ApiRequest request)
    {
        var chatId = request.Long("chat_id")!.Value;
        var groupId = $"{Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999)}";
        var messages = new JsonArray();
        foreach (var item in request.Parameters["media"]!.AsArray().Select(i => i!.AsObject()))
        {
            var type = (string?)item["type"];
            if (ResolveFile((string?)item["media"], request, type == "photo" ? "photos" : "documents") is not { } file)
            {
                return ApiReply.BadRequest("wrong file identifier/HTTP URL specified");
            }
            var message = NewBotMessage(chatId, request);
            message["media_group_id"] = groupId;
            message[type == "photo" ? "photo" : "document"] = type == "photo" ? PhotoSizes(file) : DocumentJson(file);
            if (item["caption"] is { } caption)
            {
                message["caption"] = caption.DeepClone();
            }
            Store(message);
            // Store wrapped the node in a reply envelope; a node has one parent, so the group gets a copy.
            messages.Add(message.DeepClone());
        }
        return ApiReply.Ok(messages) with { MessageId = (int?)messages[0]?["message_id"] };
    }

    private ApiReply GetFile(ApiRequest request)
    {
        if (_files.ById(request.String("file_id") ?? string.Empty) is not { } file)
        {
            return ApiReply.BadRequest("invalid file_id");
        }
        return file.Bytes.Length > MaxDownloadBytes ? ApiReply.BadRequest("file is too big") : ApiReply.Ok(file.ToFileJson());
    }

    /// <summary>"attach://part" is an upload, an http(s) URL is fetched by Telegram (here: an empty file), anything else a file_id.</summary>
    private StoredFile? ResolveFile(string? reference, ApiRequest request, string folder)
    {
        if (reference is null)
        {
            return null;
        }
        if (reference.StartsWith("attach://", StringComparison.Ordinal))
        {
            return request.Uploads.TryGetValue(reference["attach://".Length..], out var upload)
                ? _files.Add(upload.Bytes, folder, upload.FileName, MimeType(upload.FileName))
                : null;
        }
        if (Uri.TryCreate(reference, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            return _files.Add([], folder, Path.GetFileName(url.AbsolutePath));
        }
        return _files.ById(reference);
    }

    private static JsonObject DocumentJson(StoredFile file)
    {
        var document = new JsonObject
        {
            ["file_id"] = file.FileId,
            ["file_unique_id"] = file.FileUniqueId,
            ["file_size"] = file.Bytes.Length,
        };
        if (file.FileName is not null)
        {
            document["file_name"] = file.FileName;
        }
        if (file.MimeType is not null)
        {
            document["mime_type"] = file.MimeType;
        }
        return document;
    }

    /// <summary>
    /// Telegram offers each photo in several sizes, largest last. The fake does not resize, so smaller
    /// sizes carry the same bytes under their own file_id; bots should pick the last one anyway.
    /// </summary>
    private JsonArray PhotoSizes(StoredFile original)
    {
        var (width, height) = ImageSize.Read(original.Bytes);
        var sizes = new JsonArray();
        foreach (var side in ThumbnailSides.Where(s => s < Math.Max(width, height)))
        {
            var scale = (double)side / Math.Max(width, height);
            var copy = _files.Add(original.Bytes, "photos");
            sizes.Add(PhotoSize(copy, (int)(width * scale), (int)(height * scale)));
        }
        sizes.Add(PhotoSize(original, width, height));
        return sizes;
    }

    private static JsonObject PhotoSize(StoredFile file, int width, int height) => new()
    {
        ["file_id"] = file.FileId,
        ["file_unique_id"] = file.FileUniqueId,
        ["file_size"] = file.Bytes.Length,
        ["width"] = width,
        ["height"] = height,
    };

    private static string? MimeType(string? fileName) => Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant() switch
    {
        ".pdf" => "application/pdf",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".txt" => "text/plain",
        ".zip" => "application/zip",
        "" => null,
        _ => "application/octet-stream",
    };
}
