using PdfSharp.Fonts;

namespace Bot.Dialogs.Printing;

/// <summary>
/// The two fonts the PDF draws with: DejaVu Sans for Latin, Vietnamese and symbols, Droid Sans Fallback for Chinese (Debian's
/// fonts-dejavu-core and fonts-droid-fallback, installed by the scripts and the container image). PDFsharp embeds only the
/// glyphs a document uses.
/// </summary>
internal sealed class SummaryFonts : IFontResolver
{
    public const string Latin = "ArcHelperLatin";
    public const string Cjk = "ArcHelperCjk";

    private readonly byte[]? latin = Load("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    private readonly byte[]? cjk = Load("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", "/usr/share/fonts/truetype/droid/DroidSansFallback.ttf");

    /// <summary>False when a font file is missing: then no PDF is drawn (the chat summary has everything).</summary>
    public bool Available => latin is not null && cjk is not null;

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(familyName == Cjk ? Cjk : Latin);

    public byte[]? GetFont(string faceName) => faceName == Cjk ? cjk : latin;

    private static byte[]? Load(params string[] candidates) =>
        candidates.Where(File.Exists).Select(File.ReadAllBytes).FirstOrDefault();
}
