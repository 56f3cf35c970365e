using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Bot.Dialogs.Messages;
using Bot.Host.Line.Api;

namespace Bot.Host.Line;

/// <summary>
/// The rich menu of one language: five areas on a 2500×843 image (Status, Continue and Ask an advisor on top; Language
/// and Help below), each tap a postback that the dialog reads as the command (<see cref="LineEventMapper.FromRichMenu"/>)
/// and that shows its label in the chat. <see cref="Hash"/> names the content, so hosts agree on which menus exist.
/// </summary>
public sealed record LineRichMenuDesign(Language Language, RichMenuRequest Request, IReadOnlyList<string> Labels, string Hash)
{
    public const int Width = 2500;
    public const int Height = 843;

    /// <summary>The prefix of our menus' names: menus named so that no current design uses are deleted.</summary>
    public const string NamePrefix = "arc-helper ";

    /// <summary>Bumped when the drawing changes, so the menus are drawn again.</summary>
    private const string DrawingVersion = "1";

    /// <summary>The taps, in drawing order: catalogue key and the postback data.</summary>
    public static readonly IReadOnlyList<(string Key, string Data)> Taps =
    [
        ("richmenu.status", "/status"),
        ("richmenu.continue", LineEventMapper.RichMenuContinue),
        ("richmenu.ask", "/ask"),
        ("richmenu.language", "/language"),
        ("richmenu.help", "/help"),
    ];

    /// <summary>Three cells on the top row, two on the bottom row.</summary>
    public static readonly IReadOnlyList<RichMenuBounds> Cells =
    [
        new(0, 0, 833, 421), new(833, 0, 834, 421), new(1667, 0, 833, 421),
        new(0, 421, 1250, 422), new(1250, 421, 1250, 422),
    ];

    public string Name => Request.Name;

    public static LineRichMenuDesign For(Language language, MessageCatalogue? messages = null)
    {
        var catalogue = messages ?? MessageCatalogue.Default;
        var labels = Taps.Select(t => catalogue.Text(language, t.Key)).ToList();
        var areas = Taps.Select((t, i) => new RichMenuArea(Cells[i], new PostbackAction(Label(labels[i]), t.Data, labels[i]))).ToList();
        var chatBar = catalogue.Text(language, "richmenu.chatBar");
        var unnamed = new RichMenuRequest(new RichMenuSize(Width, Height), false, "", chatBar, areas);
        var json = JsonSerializer.SerializeToUtf8Bytes(unnamed, LineJsonContext.Default.RichMenuRequest);
        var hash = Convert.ToHexStringLower(SHA256.HashData([.. json, .. Encoding.UTF8.GetBytes(DrawingVersion)]))[..16];
        return new LineRichMenuDesign(language, unnamed with { Name = $"{NamePrefix}{language.Code()} {hash}" }, labels, hash);
    }

    private static string Label(string label) => LineText.TryCutLabel(label, LineLimits.MaxActionLabelLength, out var cut) ? cut : label;
}
