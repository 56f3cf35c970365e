using System.Buffers.Binary;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bot.Tests.Line.Fakes;

/// <summary>
/// Rich menus as LINE keeps them: created (body checked against the spec and the documented limits), an image uploaded
/// once on the data host (PNG or JPEG, at most 1 MB, the menu's own size), listed, deleted, set as the default and
/// linked to users (only once the image is there). Failures are injected here separately
/// (<see cref="FailRichMenuNext"/>): a host creates its menus at start and must not take failures meant for a test's messages.
/// </summary>
public sealed partial class FakeLinePlatform
{
    public const int RichMenuImageBytes = 1024 * 1024;

    private readonly Dictionary<string, FakeRichMenu> richMenus = [];
    private readonly Dictionary<string, string> userRichMenus = [];
    private (int Count, int StatusCode) richMenuFailures;
    private string? defaultRichMenu;

    public IReadOnlyList<FakeRichMenu> RichMenus
    {
        get
        {
            lock (gate)
            {
                return [.. richMenus.Values];
            }
        }
    }

    public string? DefaultRichMenuId
    {
        get
        {
            lock (gate)
            {
                return defaultRichMenu;
            }
        }
    }

    public string? RichMenuOf(string userId)
    {
        lock (gate)
        {
            return userRichMenus.GetValueOrDefault(userId);
        }
    }

    /// <summary>The next <paramref name="count"/> rich menu calls are answered <paramref name="statusCode"/>.</summary>
    public void FailRichMenuNext(int count, int statusCode)
    {
        lock (gate)
        {
            richMenuFailures = (count, statusCode);
        }
    }

    /// <summary>A menu made earlier (by an older version of the bot, or by hand in the console), with its image.</summary>
    public string AddRichMenu(string name)
    {
        var id = "richmenu-" + Guid.NewGuid().ToString("N");
        var menu = new JsonObject
        {
            ["size"] = new JsonObject { ["width"] = 2500, ["height"] = 843 },
            ["selected"] = false,
            ["name"] = name,
            ["chatBarText"] = "Menu",
            ["areas"] = new JsonArray(),
        };
        lock (gate)
        {
            richMenus[id] = new FakeRichMenu(id, menu) { Image = [1], ContentType = "image/png" };
        }

        return id;
    }

    private static bool IsRichMenuCall(PathString path) => path.Value!.Contains("/richmenu", StringComparison.Ordinal);

    private void MapRichMenuEndpoints(WebApplication web)
    {
        web.MapPost("/v2/bot/richmenu", context => RichMenuCallAsync(context, CreateRichMenuAsync));
        web.MapPost("/v2/bot/richmenu/{richMenuId}/content", context => RichMenuCallAsync(context, UploadRichMenuImageAsync));
        web.MapGet("/v2/bot/richmenu/list", context => RichMenuCallAsync(context, ListRichMenusAsync));
        web.MapDelete("/v2/bot/richmenu/{richMenuId}", context => RichMenuCallAsync(context, DeleteRichMenuAsync));
        web.MapGet("/v2/bot/user/all/richmenu", context => RichMenuCallAsync(context, GetDefaultRichMenuAsync));
        web.MapPost("/v2/bot/user/all/richmenu/{richMenuId}", context => RichMenuCallAsync(context, c => ApplyRichMenuAsync(c, null)));
        web.MapDelete("/v2/bot/user/{userId}/richmenu", context => RichMenuCallAsync(context, UnlinkRichMenuAsync));
        web.MapPost("/v2/bot/user/{userId}/richmenu/{richMenuId}", context => RichMenuCallAsync(context, c => ApplyRichMenuAsync(c, (string)c.Request.RouteValues["userId"]!)));
    }

    private async Task RichMenuCallAsync(HttpContext context, Func<HttpContext, Task> handle)
    {
        int statusCode;
        lock (gate)
        {
            statusCode = richMenuFailures.Count > 0 ? richMenuFailures.StatusCode : 0;
            richMenuFailures.Count = Math.Max(0, richMenuFailures.Count - 1);
        }

        if (statusCode != 0)
        {
            await WriteAsync(context, statusCode, Error("Injected failure"));
            return;
        }

        await handle(context);
    }

    private async Task CreateRichMenuAsync(HttpContext context)
    {
        if (await RejectIfInvalidAsync(context, "RichMenuRequest"))
        {
            return;
        }

        var menu = Body(context)!.AsObject();
        var found = DocumentedLimits.CheckRichMenu(menu).ToList();
        if (found.Count > 0)
        {
            await RejectAsync(context, found);
            return;
        }

        var id = "richmenu-" + Guid.NewGuid().ToString("N");
        lock (gate)
        {
            richMenus[id] = new FakeRichMenu(id, (JsonObject)menu.DeepClone());
        }

        await WriteAsync(context, 200, new JsonObject { ["richMenuId"] = id });
    }

    private async Task UploadRichMenuImageAsync(HttpContext context)
    {
        var id = (string)context.Request.RouteValues["richMenuId"]!;
        var contentType = context.Request.ContentType ?? "";
        var image = (byte[])context.Items[RawBodyKey]!;
        FakeRichMenu? menu;
        lock (gate)
        {
            menu = richMenus.GetValueOrDefault(id);
        }

        if (menu is null)
        {
            await WriteAsync(context, 404, Error("Not found"));
        }
        else if (menu.Image is not null)
        {
            await WriteAsync(context, 400, Error("An image has already been uploaded to the richmenu"));
        }
        else if (contentType is not ("image/png" or "image/jpeg"))
        {
            await WriteAsync(context, 415, Error("Unsupported Media Type"));
        }
        else if (image.Length > RichMenuImageBytes)
        {
            await WriteAsync(context, 413, Error("Request Entity Too Large"));
        }
        else if (contentType == "image/png" && PngSize(image) != ((int)menu.Menu["size"]!["width"]!, (int)menu.Menu["size"]!["height"]!))
        {
            await RejectAsync(context, [new SpecViolation("image", "The image must have the rich menu's size")]);
        }
        else
        {
            lock (gate)
            {
                menu.Image = image;
                menu.ContentType = contentType;
            }

            await WriteAsync(context, 200, []);
        }
    }

    private Task ListRichMenusAsync(HttpContext context)
    {
        JsonArray list;
        lock (gate)
        {
            list = new JsonArray([.. richMenus.Values.Select(m =>
            {
                var item = (JsonObject)m.Menu.DeepClone();
                item["richMenuId"] = m.Id;
                return (JsonNode)item;
            })]);
        }

        return WriteAsync(context, 200, new JsonObject { ["richmenus"] = list });
    }

    private Task DeleteRichMenuAsync(HttpContext context)
    {
        var id = (string)context.Request.RouteValues["richMenuId"]!;
        lock (gate)
        {
            if (!richMenus.Remove(id))
            {
                return WriteAsync(context, 404, Error("Not found"));
            }

            defaultRichMenu = defaultRichMenu == id ? null : defaultRichMenu;
            foreach (var user in userRichMenus.Where(u => u.Value == id).Select(u => u.Key).ToList())
            {
                userRichMenus.Remove(user);
            }
        }

        return WriteAsync(context, 200, []);
    }

    private Task GetDefaultRichMenuAsync(HttpContext context)
    {
        var id = DefaultRichMenuId;
        return id is null
            ? WriteAsync(context, 404, Error("no default richmenu"))
            : WriteAsync(context, 200, new JsonObject { ["richMenuId"] = id });
    }

    private Task ApplyRichMenuAsync(HttpContext context, string? userId)
    {
        var id = (string)context.Request.RouteValues["richMenuId"]!;
        lock (gate)
        {
            if (!richMenus.TryGetValue(id, out var menu))
            {
                return WriteAsync(context, 404, Error("Not found"));
            }

            if (menu.Image is null)
            {
                return WriteAsync(context, 400, Error("must upload richmenu image before applying it to user"));
            }

            if (userId is null)
            {
                defaultRichMenu = id;
            }
            else
            {
                userRichMenus[userId] = id;
            }
        }

        return WriteAsync(context, 200, []);
    }

    private Task UnlinkRichMenuAsync(HttpContext context)
    {
        lock (gate)
        {
            userRichMenus.Remove((string)context.Request.RouteValues["userId"]!);
        }

        return WriteAsync(context, 200, []);
    }

    /// <summary>Width and height from a PNG's IHDR chunk; (0, 0) when it is not a PNG.</summary>
    private static (int Width, int Height) PngSize(byte[] png) =>
        png.Length >= 24 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G'
            ? (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)))
            : (0, 0);
}

/// <summary>A rich menu the fake keeps: its definition as created, and its image once uploaded.</summary>
public sealed class FakeRichMenu(string id, JsonObject menu)
{
    public string Id { get; } = id;

    public JsonObject Menu { get; } = menu;

    public string Name => (string)Menu["name"]!;

    public byte[]? Image { get; set; }

    public string? ContentType { get; set; }
}
