using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Bot.Dialogs.Printing;

/// <summary>
/// One size of type in both fonts: each run of text is drawn and measured in the font that has its glyphs (Chinese, Japanese
/// and full-width forms in the CJK font, everything else in the Latin one). Emoji, which neither font has, are left out.
/// </summary>
internal sealed class MixedText(double size)
{
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    private readonly XFont latin = new(SummaryFonts.Latin, size, XFontStyleEx.Regular, Unicode);
    private readonly XFont cjk = new(SummaryFonts.Cjk, size, XFontStyleEx.Regular, Unicode);

    public double Height => cjk.Height;

    public double Width(XGraphics graphics, string text) =>
        Runs(text).Sum(run => graphics.MeasureString(run.Text, run.Font).Width);

    public void Draw(XGraphics graphics, string text, XBrush brush, double x, double baseline)
    {
        foreach (var run in Runs(text))
        {
            graphics.DrawString(run.Text, run.Font, brush, new XPoint(x, baseline));
            x += graphics.MeasureString(run.Text, run.Font).Width;
        }
    }

    /// <summary>What a PDF can show of a chat line: check marks the fonts have, no emoji or variation selectors.</summary>
    public static string Printable(string text)
    {
        var printable = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                i++;
                continue;
            }

            switch (c)
            {
                case '✅': printable.Append('☑'); break;
                case '⚠': printable.Append('!'); break;
                case '\uFE0F' or '\u200D': break;
                default: printable.Append(c); break;
            }
        }

        return printable.ToString();
    }

    public static bool IsCjk(char c) => c >= '\u2E80';

    private IEnumerable<(string Text, XFont Font)> Runs(string text)
    {
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || IsCjk(text[i]) != IsCjk(text[start]))
            {
                yield return (text[start..i], IsCjk(text[start]) ? cjk : latin);
                start = i;
            }
        }
    }
}
