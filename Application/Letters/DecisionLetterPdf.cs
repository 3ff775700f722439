using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Fachwerk.Application.Letters;

/// <summary>
/// Renders a <see cref="DecisionLetter"/> (approval or rejection) as a PDF in German, A4, with PDFsharp (ADR 0104). Deterministic: the creation date and
/// the document ID come from the letter's facts (the approval's time and the application's id), the font from the assembly, so the
/// same facts give the same bytes and so the same SHA-256.
/// </summary>
public static partial class DecisionLetterPdf
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static byte[] Render(DecisionLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        LetterFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = $"{letter.Title} – {letter.ProjectTitle}";
        document.Info.Subject = $"Aktenzeichen {letter.ApplicationId:D}";
        document.Info.Creator = "Fachwerk";
        // Fixed from the facts, never the clock: PDF dates in UTC, and the trailer's ID from the application's id.
        var date = "D:" + letter.IssuedAt.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "Z";
        document.Info.Elements.SetString("/CreationDate", date);
        document.Info.Elements.SetString("/ModDate", date);
        var id = Convert.ToHexString(letter.ApplicationId.ToByteArray());
        document.Internals.FirstDocumentID = id;
        document.Internals.SecondDocumentID = id;

        using (var writer = new LetterWriter(document))
            Write(writer, letter);

        using var bytes = new MemoryStream();
        document.Save(bytes, closeStream: false);
        return WithoutChance(bytes.ToArray(), letter.ApplicationId);
    }

    /// <summary>
    /// PDFsharp draws two things by chance on every save: the six-letter tags of embedded font subsets (<c>ABCDEF+DejaVu Sans</c>)
    /// and the XMP metadata's document and instance uuids. Both stand in plain (uncompressed) objects; they are replaced by values
    /// of the same length taken from the order of appearance and the application's id, so no byte offset moves.
    /// </summary>
    private static byte[] WithoutChance(byte[] pdf, Guid applicationId)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        text = SubsetTag().Replace(text, m =>
        {
            if (!tags.TryGetValue(m.Groups["tag"].Value, out var tag))
                tags[m.Groups["tag"].Value] = tag = "FWK" + ((char)('A' + tags.Count / 676)) + ((char)('A' + tags.Count / 26 % 26)) + ((char)('A' + tags.Count % 26));
            return m.Groups["key"].Value + tag + "+";
        });
        text = XmpUuid().Replace(text, m => m.Groups["key"].Value + "uuid:" + applicationId.ToString("D"));
        var fixedBytes = Encoding.Latin1.GetBytes(text);
        return fixedBytes.Length == pdf.Length ? fixedBytes : throw new InvalidOperationException("The letter's bytes changed length.");
    }

    [GeneratedRegex("(?<key>/(?:FontName|BaseFont)/)(?<tag>[A-Z]{6})\\+")]
    private static partial Regex SubsetTag();

    [GeneratedRegex("(?<key><xmpMM:(?:DocumentID|InstanceID)>)uuid:[0-9a-fA-F-]{36}")]
    private static partial Regex XmpUuid();

    private static void Write(LetterWriter w, DecisionLetter l)
    {
        w.Small("Bewilligungsbehörde · Förderverfahren Fachwerk");
        w.Gap(18);
        w.Line(l.ApplicantName);
        w.Line(l.ApplicantTown);
        w.Gap(24);
        w.Right($"Datum: {Day(l.IssuedAt)}");
        w.Right($"Aktenzeichen: {l.ApplicationId:D}");
        w.Gap(18);
        w.Title(l.Title);
        w.Bold($"Vorhaben: {l.ProjectTitle}");
        w.Line($"Förderprogramm: {l.ProgrammeName}");
        w.Gap(12);
        w.Paragraph("Sehr geehrte Damen und Herren,");
        if (l.Kind == DecisionKind.Reject) WriteRejection(w, l);
        else WriteApproval(w, l);

        w.Heading("Rechtsbehelfsbelehrung");
        w.Paragraph(
            "Gegen diesen Bescheid kann innerhalb eines Monats nach seiner Bekanntgabe Widerspruch erhoben werden. Der Widerspruch ist " +
            "schriftlich, in elektronischer Form nach § 3a Abs. 2 des Verwaltungsverfahrensgesetzes oder zur Niederschrift bei der " +
            "Bewilligungsbehörde einzulegen, die diesen Bescheid erlassen hat.");
        w.Gap(12);
        w.Paragraph("Mit freundlichen Grüßen");
        w.Paragraph("Ihre Bewilligungsbehörde");
        w.Small("Dieser Bescheid wurde elektronisch erstellt und ist ohne Unterschrift gültig. Seine SHA-256-Prüfsumme ist im " +
                "Ereignisprotokoll des Antrags verzeichnet.");
    }

    private static void WriteRejection(LetterWriter w, DecisionLetter l)
    {
        w.Paragraph(
            YourApplication(l, "Ihren Antrag") +
            $"auf eine Zuwendung für das oben genannte Vorhaben (zuwendungsfähige Ausgaben {Money(l.TotalCosts)}, Laufzeit " +
            $"{Day(l.Duration.From)} bis {Day(l.Duration.To)}) lehnen wir ab.");

        w.Heading("1. Gründe");
        w.Paragraph(l.RejectionReason ?? "");
        w.Paragraph("Auf die Gewährung einer Zuwendung besteht kein Rechtsanspruch; die Bewilligungsbehörde entscheidet nach " +
                    "pflichtgemäßem Ermessen im Rahmen der verfügbaren Haushaltsmittel.");

        WriteFourEyes(w, l, "2.");
    }

    /// <summary>Who decided on both sides of the four-eyes rule, and when.</summary>
    private static void WriteFourEyes(LetterWriter w, DecisionLetter l, string number)
    {
        w.Heading($"{number} Entscheidung nach dem Vier-Augen-Prinzip");
        w.Row("Vorgeschlagen von", $"{l.ProposedBy} am {Day(l.ProposedAt)}");
        w.Row("Bestätigt von", $"{l.ConfirmedBy} am {Day(l.ConfirmedAt)}");
    }

    private static void WriteApproval(LetterWriter w, DecisionLetter l)
    {
        w.Paragraph(
            YourApplication(l, "auf Ihren Antrag") +
            $"bewilligen wir Ihnen für das oben genannte Vorhaben eine Zuwendung als Projektförderung in Form eines Zuschusses " +
            $"(Anteilfinanzierung) in Höhe von {Money(l.Amount)}.");

        w.Heading("1. Höhe und Art der Zuwendung");
        w.Row("Zuwendung", Money(l.Amount));
        w.Row("Zuwendungsfähige Ausgaben", Money(l.TotalCosts));
        w.Row("Fördersatz", Percent(l.FundingRate));
        w.Row("Bewilligungszeitraum", $"{Day(l.Duration.From)} bis {Day(l.Duration.To)}");
        if (l.RetainedFinalInstalment > 0)
            w.Row("Einbehalt", $"{Money(l.RetainedFinalInstalment)} bis zur Prüfung des Schlussnachweises");

        w.Heading("2. Nebenbestimmungen");
        if (l.Conditions.Count == 0) w.Paragraph("Diesem Bescheid sind keine besonderen Auflagen beigefügt; es gelten die Bestimmungen des Förderprogramms.");
        else
        {
            w.Paragraph("Die Zuwendung wird unter folgenden Auflagen bewilligt:");
            foreach (var condition in l.Conditions) w.Bullet(condition);
        }

        w.Heading("3. Verwendungsnachweise");
        w.Paragraph("Die Verwendung der Zuwendung ist zu folgenden Terminen nachzuweisen:");
        foreach (var proof in l.ProofsOfUse)
            w.Bullet($"{(proof.Kind == ProofKind.Final ? "Schlussnachweis" : "Zwischennachweis")} ({proof.Proof}): bis {Day(proof.DueBy)}");

        WriteFourEyes(w, l, "4.");
    }

    /// <summary>"Ihren Antrag vom 02.06.2026 " (with a trailing space), or without the date when it was never submitted.</summary>
    private static string YourApplication(DecisionLetter l, string words) =>
        l.SubmittedAt is { } submitted ? $"{words} vom {Day(submitted)} " : $"{words} ";

    private static string Money(decimal amount) => amount.ToString("N2", German) + " EUR";

    private static string Percent(decimal rate) => (rate * 100).ToString("0.##", German) + " %";

    private static string Day(DateOnly day) => day.ToString("dd.MM.yyyy", German);

    private static string Day(DateTimeOffset at) => Day(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, AuthorityTime.Zone).DateTime));

    /// <summary>Writes lines top to bottom, wrapping words to the text width and starting a new page when one is full.</summary>
    private sealed class LetterWriter(PdfDocument document) : IDisposable
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
}
