using Bot.Host.Conversation;
using Bot.Host.Telegram;
using Microsoft.Extensions.Options;

namespace Bot.Host.Dashboard;

/// <summary>
/// Each configured school's Telegram link (<c>https://t.me/&lt;bot&gt;?start=&lt;school id&gt;</c>, which preselects the
/// school) with its QR code as PNG and SVG, so an office can put it on its orientation slides.
/// </summary>
internal static class SchoolLinkEndpoints
{
    public static RouteGroupBuilder MapSchoolLinks(this RouteGroupBuilder api)
    {
        api.MapGet("/schools", async (IOptions<SchoolsOptions> schools, TelegramBotName bot, CancellationToken ct) =>
        {
            var username = await bot.GetAsync(ct);
            return Results.Ok(new
            {
                botUsername = username,
                schools = schools.Value.Schools.Select(s => new
                {
                    id = s.Id,
                    name = s.Name,
                    link = username is null ? null : TelegramBotName.Link(username, s.Id),
                    png = username is null ? null : $"{DashboardEndpoints.Root}/api/schools/{s.Id}/qr.png",
                    svg = username is null ? null : $"{DashboardEndpoints.Root}/api/schools/{s.Id}/qr.svg",
                }),
            });
        });
        api.MapGet("/schools/{id}/qr.png", async (string id, IOptions<SchoolsOptions> schools, TelegramBotName bot, CancellationToken ct) =>
            await LinkAsync(id, schools, bot, ct) is { } link
                ? Results.File(SchoolQrCode.Png(link), "image/png", $"{id}-telegram.png")
                : Results.NotFound());
        api.MapGet("/schools/{id}/qr.svg", async (string id, IOptions<SchoolsOptions> schools, TelegramBotName bot, CancellationToken ct) =>
            await LinkAsync(id, schools, bot, ct) is { } link
                ? Results.File(System.Text.Encoding.UTF8.GetBytes(SchoolQrCode.Svg(link)), "image/svg+xml", $"{id}-telegram.svg")
                : Results.NotFound());
        return api;
    }

    /// <summary>Only a configured school's link: the id from the URL never reaches the QR code otherwise.</summary>
    private static async Task<string?> LinkAsync(string id, IOptions<SchoolsOptions> schools, TelegramBotName bot, CancellationToken ct) =>
        schools.Value.Schools.FirstOrDefault(s => s.Id == id) is { } school && await bot.GetAsync(ct) is { } username
            ? TelegramBotName.Link(username, school.Id)
            : null;
}
