using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Bot.Dialogs.Printing;

/// <summary>Writes lines down A4 pages, wrapping them to the width and starting a new page when one is full.</summary>
internal sealed class PdfPageWriter : IDisposable
{
    private const double Margin = 50;
    private const double LineSpacing = 1.35;

    private readonly PdfDocument document;
    private XGraphics graphics;
    private PdfPage page;
    private double y;

    public PdfPageWriter(PdfDocument document)
    {
        this.document = document;
        (page, graphics) = NewPage();
        y = Margin;
    }

    private double Bottom => page.Height.Point - Margin;

    private double Width => page.Width.Point - (2 * Margin);

    /// <summary>A paragraph across the page.</summary>
    public void Paragraph(string text, MixedText type, XBrush? brush = null)
    {
        foreach (var line in Wrap(text, type, Width))
        {
            Room(type.Height * LineSpacing);
            type.Draw(graphics, line, brush ?? XBrushes.Black, Margin, y + type.Height);
            y += type.Height * LineSpacing;
        }
    }

    /// <summary>A label in the left column and its value beside it, each wrapped within its column; kept on one page.</summary>
    public void Field(string label, string value, MixedText type, double labelWidth)
    {
        var labels = Wrap(label, type, labelWidth - 8);
        var values = Wrap(value, type, Width - labelWidth);
        var rows = Math.Max(labels.Count, values.Count);
        Room(type.Height * LineSpacing * rows);
        for (var row = 0; row < rows; row++)
        {
            var baseline = y + type.Height;
            if (row < labels.Count)
            {
                type.Draw(graphics, labels[row], XBrushes.DimGray, Margin, baseline);
            }

            if (row < values.Count)
            {
                type.Draw(graphics, values[row], XBrushes.Black, Margin + labelWidth, baseline);
            }

            y += type.Height * LineSpacing;
        }
    }

    /// <summary>A JPEG at the left margin, scaled to fit <paramref name="width"/> × <paramref name="height"/> points, with a thin frame.</summary>
    public void Picture(byte[] jpeg, double width, double height)
    {
        Room(height);
        using var stream = new MemoryStream(jpeg, writable: false);
        using var image = XImage.FromStream(stream);
        var scale = Math.Min(width / image.PointWidth, height / image.PointHeight);
        var (w, h) = (image.PointWidth * scale, image.PointHeight * scale);
        graphics.DrawImage(image, Margin, y, w, h);
        graphics.DrawRectangle(XPens.LightGray, Margin, y, w, h);
        y += height;
    }

    /// <summary>A thin rule under a heading.</summary>
    public void Rule()
    {
        graphics.DrawLine(XPens.LightGray, Margin, y, Margin + Width, y);
        y += 4;
    }

    public void Gap(double points) => y += points;

    public void Dispose() => graphics.Dispose();

    private void Room(double height)
    {
        if (y + height > Bottom)
        {
            graphics.Dispose();
            (page, graphics) = NewPage();
            y = Margin;
        }
    }

    private (PdfPage, XGraphics) NewPage()
    {
        var next = document.AddPage();
        next.Size = PdfSharp.PageSize.A4;
        return (next, XGraphics.FromPdfPage(next));
    }

    /// <summary>Breaks at spaces where there are some and between any two Chinese characters, so each line fits <paramref name="width"/>.</summary>
    private List<string> Wrap(string text, MixedText type, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var current = string.Empty;
            foreach (var piece in Pieces(paragraph))
            {
                var candidate = current + piece;
                if (current.Length > 0 && type.Width(graphics, candidate.TrimEnd()) > width)
                {
                    lines.Add(current.TrimEnd());
                    current = piece.TrimStart();
                }
                else
                {
                    current = candidate;
                }
            }

            lines.Add(current.TrimEnd());
        }

        return lines;
    }

    /// <summary>Words with their trailing space; each Chinese character on its own.</summary>
    private static IEnumerable<string> Pieces(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (MixedText.IsCjk(text[i]))
            {
                if (i > start)
                {
                    yield return text[start..i];
                }

                yield return text[i].ToString();
                start = i + 1;
            }
            else if (text[i] == ' ')
            {
                yield return text[start..(i + 1)];
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }
}
