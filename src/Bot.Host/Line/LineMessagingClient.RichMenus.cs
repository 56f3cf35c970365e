using System.Net;
using System.Net.Http.Headers;
using Bot.Host.Line.Api;

namespace Bot.Host.Line;

/// <summary>The rich menu calls (<see cref="LineRichMenuPublisher"/>, <see cref="LineRichMenuLinks"/>).</summary>
public sealed partial class LineMessagingClient
{
    /// <summary>Creates a menu without its image; it shows nowhere until an image is uploaded and it is set or linked.</summary>
    public async Task<string> CreateRichMenuAsync(RichMenuRequest menu, CancellationToken cancellationToken = default)
    {
        using var request = Post("v2/bot/richmenu", menu, LineJsonContext.Default.RichMenuRequest);
        using var response = await http.SendAsync(request, cancellationToken);
        return (await ReadSuccessAsync(response, LineJsonContext.Default.RichMenuIdResponse, cancellationToken))?.RichMenuId
            ?? throw new LineApiException(response.StatusCode, null);
    }

    /// <summary>The menu's image (PNG or JPEG, at most 1 MB, the menu's size) on the data host; LINE takes it once per menu.</summary>
    public async Task UploadRichMenuImageAsync(string richMenuId, byte[] image, string contentType, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(richMenuId);
        var uri = new Uri($"{options.Value.DataApiBaseUrl.TrimEnd('/')}/v2/bot/richmenu/{Uri.EscapeDataString(richMenuId)}/content");
        using var content = new ByteArrayContent(image);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var response = await http.PostAsync(uri, content, cancellationToken);
        await ThrowIfFailedAsync(response, cancellationToken);
    }

    public async Task<IReadOnlyList<RichMenuInfo>> GetRichMenuListAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync("v2/bot/richmenu/list", cancellationToken);
        return (await ReadSuccessAsync(response, LineJsonContext.Default.RichMenuListResponse, cancellationToken))?.Richmenus ?? [];
    }

    /// <summary>A menu already gone (404) counts as deleted.</summary>
    public async Task DeleteRichMenuAsync(string richMenuId, CancellationToken cancellationToken = default)
    {
        using var response = await http.DeleteAsync($"v2/bot/richmenu/{Uri.EscapeDataString(richMenuId)}", cancellationToken);
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            await ThrowIfFailedAsync(response, cancellationToken);
        }
    }

    /// <summary>The menu of every user who has no menu of their own; null when none is set.</summary>
    public async Task<string?> GetDefaultRichMenuIdAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync("v2/bot/user/all/richmenu", cancellationToken);
        return response.StatusCode == HttpStatusCode.NotFound
            ? null
            : (await ReadSuccessAsync(response, LineJsonContext.Default.RichMenuIdResponse, cancellationToken))?.RichMenuId;
    }

    public async Task SetDefaultRichMenuAsync(string richMenuId, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsync($"v2/bot/user/all/richmenu/{Uri.EscapeDataString(richMenuId)}", null, cancellationToken);
        await ThrowIfFailedAsync(response, cancellationToken);
    }

    /// <summary>The user sees the default menu again.</summary>
    public async Task UnlinkRichMenuAsync(string userId, CancellationToken cancellationToken = default)
    {
        using var response = await http.DeleteAsync($"v2/bot/user/{Uri.EscapeDataString(userId)}/richmenu", cancellationToken);
        await ThrowIfFailedAsync(response, cancellationToken);
    }

    /// <summary>Shows <paramref name="richMenuId"/> to one user instead of the default.</summary>
    public async Task LinkRichMenuAsync(string userId, string richMenuId, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsync(
            $"v2/bot/user/{Uri.EscapeDataString(userId)}/richmenu/{Uri.EscapeDataString(richMenuId)}", null, cancellationToken);
        await ThrowIfFailedAsync(response, cancellationToken);
    }
}
