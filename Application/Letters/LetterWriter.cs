using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Fachwerk.Application.Letters;

/// <summary>Writes lines top to bottom, wrapping words to the text width and starting a new page when one is full.</summary>
internal sealed class LetterWriter(PdfDocument document) : IDisposable
{
    private const double Left = 70, RightMargin = 60, Top = 60, Bottom = 70, Size = 10.5, Leading = 1.4;
    private static readonly XFont Regular = new(LetterFonts.Family, Size, XFontStyleEx.Regular);
    private static readonly XFont Strong = new(LetterFonts.Family, Size, XFontStyleEx.Bold);
    private static readonly XFont Caption = new(LetterFonts.Family, 16, XFontStyleEx.Bold);
    private static readonly XFont Fine = new(LetterFonts.Family, 8, XFontStyleEx.Regular);

    private PdfPage? _page;
    private XGraphics? _graphics;
    private double _y;

    private XGraphics Graphics => _graphics ?? NewPage();

    private double Width => _page!.Width.Point - Left - RightMargin;

    public void Title(string text) => Lines(text, Caption, Left, 1.6);

    /// <summary>A section heading, kept on one page with at least the first lines of its section.</summary>
    public void Heading(string text)
    {
        Gap(8);
        EnsureRoom(Regular.Height * Leading * 4);
        Lines(text, Strong, Left);
    }

    public void Line(string text) => Lines(text, Regular, Left);

    public void Bold(string text) => Lines(text, Strong, Left);

    public void Small(string text) => Lines(text, Fine, Left);

    public void Paragraph(string text)
    {
        Lines(text, Regular, Left);
        Gap(4);
    }

    public void Bullet(string text)
    {
        var g = Graphics;
        EnsureRoom(Regular.Height * Leading);
        g.DrawString("–", Regular, XBrushes.Black, new XPoint(Left + 6, _y), XStringFormats.TopLeft);
        Lines(text, Regular, Left + 18);
    }

    public void Row(string label, string value)
    {
        var g = Graphics;
        EnsureRoom(Regular.Height * Leading);
        g.DrawString(label + ":", Regular, XBrushes.Black, new XPoint(Left, _y), XStringFormats.TopLeft);
        Lines(value, Strong, Left + 170);
    }

    public void Right(string text)
    {
        var g = Graphics;
        EnsureRoom(Regular.Height * Leading);
        g.DrawString(text, Regular, XBrushes.Black, new XPoint(Left + Width, _y), XStringFormats.TopRight);
        _y += Regular.Height * Leading;
    }

    public void Gap(double points)
    {
        _ = Graphics;
        _y += points;
    }

    private void Lines(string text, XFont font, double x, double leading = Leading)
    {
        var g = Graphics;
        foreach (var line in Wrap(g, text, font, Left + Width - x))
        {
            EnsureRoom(font.Height * leading);
            Graphics.DrawString(line, font, XBrushes.Black, new XPoint(x, _y), XStringFormats.TopLeft);
            _y += font.Height * leading;
        }
    }

    private static IEnumerable<string> Wrap(XGraphics g, string text, XFont font, double width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && g.MeasureString(candidate, font).Width > width)
            {
                yield return line.ToString();
                line.Clear().Append(word);
            }
            else line.Clear().Append(candidate);
        }

        if (line.Length > 0) yield return line.ToString();
    }

    private void EnsureRoom(double height)
    {
        if (_y + height > _page!.Height.Point - Bottom) NewPage();
    }

    private XGraphics NewPage()
    {
        _graphics?.Dispose();
        _page = document.AddPage();
        _page.Size = PdfSharp.PageSize.A4;
        _graphics = XGraphics.FromPdfPage(_page);
        _y = Top;
        return _graphics;
    }

    public void Dispose() => _graphics?.Dispose();
}
