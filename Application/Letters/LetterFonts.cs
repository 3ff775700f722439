using PdfSharp.Fonts;

namespace Fachwerk.Application.Letters;

/// <summary>
/// The letters' one typeface, DejaVu Sans (regular and bold), from the assembly's resources: the same glyphs and metrics on every
/// machine, so a letter rendered again from the same facts is the same bytes (ADR 0104). Any family asked for resolves to it.
/// </summary>
public sealed class LetterFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly Lock Gate = new();
    private static bool _installed;

    /// <summary>Makes PDFsharp resolve fonts here (once per process; PDFsharp's font settings are global).</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (_installed) return;
            GlobalFontSettings.FontResolver = new LetterFonts();
            _installed = true;
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular, false, italic);

    public byte[] GetFont(string faceName)
    {
        using var resource = typeof(LetterFonts).Assembly.GetManifestResourceStream($"Fachwerk.Letters.{faceName}.ttf")
            ?? throw new InvalidOperationException($"The font {faceName} is not among the assembly's resources.");
        using var bytes = new MemoryStream();
        resource.CopyTo(bytes);
        return bytes.ToArray();
    }
}
