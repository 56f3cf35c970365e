namespace Bot.Host.Line.Api;

/// <summary>POST /v2/bot/richmenu: a menu of at most 20 tap areas; <paramref name="ChatBarText"/> at most 14 characters.</summary>
public sealed record RichMenuRequest(RichMenuSize Size, bool Selected, string Name, string ChatBarText, IReadOnlyList<RichMenuArea> Areas);

public sealed record RichMenuSize(int Width, int Height);

public sealed record RichMenuArea(RichMenuBounds Bounds, LineAction Action);

public sealed record RichMenuBounds(int X, int Y, int Width, int Height);

public sealed record RichMenuIdResponse(string RichMenuId);

/// <summary>A menu LINE has (GET /v2/bot/richmenu/list); only the fields we read.</summary>
public sealed record RichMenuInfo(string RichMenuId, string Name);

public sealed record RichMenuListResponse(IReadOnlyList<RichMenuInfo> Richmenus);
