using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Fachwerk.Application.Common;
using PdfSharp.Pdf;

namespace Fachwerk.Application.Letters;

/// <summary>
/// What every letter of the authority shares (ADR 0104): a deterministic A4 PDF (dates and document ID from the facts, never the clock),
/// the letter head with addressee, date and file number, the legal-remedy paragraph and the closing, and the German formats.
/// </summary>
internal static partial class LetterPdf
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>Renders a letter: <paramref name="issuedAt"/> is its PDF's creation date, <paramref name="documentId"/> its trailer's ID and XMP uuid.</summary>
    public static byte[] Render(string title, string subject, DateTimeOffset issuedAt, Guid documentId, Action<LetterWriter> write)
    {
        LetterFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Subject = subject;
        document.Info.Creator = "Fachwerk";
        // Fixed from the facts, never the clock: PDF dates in UTC, and the trailer's ID from the letter's id.
        var date = "D:" + issuedAt.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "Z";
        document.Info.Elements.SetString("/CreationDate", date);
        document.Info.Elements.SetString("/ModDate", date);
        var id = Convert.ToHexString(documentId.ToByteArray());
        document.Internals.FirstDocumentID = id;
        document.Internals.SecondDocumentID = id;

        using (var writer = new LetterWriter(document))
            write(writer);

        using var bytes = new MemoryStream();
        document.Save(bytes, closeStream: false);
        return WithoutChance(bytes.ToArray(), documentId);
    }

    /// <summary>The authority, the addressee, the letter's date and file number, its title, the project and the programme.</summary>
    public static void Head(LetterWriter w, string applicantName, string applicantTown, DateTimeOffset issuedAt, Guid applicationId, string title,
        string projectTitle, string programmeName)
    {
        w.Small("Bewilligungsbehörde · Förderverfahren Fachwerk");
        w.Gap(18);
        w.Line(applicantName);
        w.Line(applicantTown);
        w.Gap(24);
        w.Right($"Datum: {Day(issuedAt)}");
        w.Right($"Aktenzeichen: {applicationId:D}");
        w.Gap(18);
        w.Title(title);
        w.Bold($"Vorhaben: {projectTitle}");
        w.Line($"Förderprogramm: {programmeName}");
    }

    /// <summary>The legal remedy (Rechtsbehelfsbelehrung), the greeting and the note on the electronic letter.</summary>
    public static void Closing(LetterWriter w)
    {
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

    /// <summary>Who decided on both sides of the four-eyes rule, and when.</summary>
    public static void FourEyes(LetterWriter w, string number, string proposedBy, DateTimeOffset proposedAt, string confirmedBy, DateTimeOffset confirmedAt)
    {
        w.Heading($"{number} Entscheidung nach dem Vier-Augen-Prinzip");
        w.Row("Vorgeschlagen von", $"{proposedBy} am {Day(proposedAt)}");
        w.Row("Bestätigt von", $"{confirmedBy} am {Day(confirmedAt)}");
    }

    public static string Money(decimal amount) => amount.ToString("N2", German) + " EUR";

    public static string Percent(decimal rate) => (rate * 100).ToString("0.##", German) + " %";

    public static string Day(DateOnly day) => day.ToString("dd.MM.yyyy", German);

    /// <summary>The day in the authority's time zone.</summary>
    public static string Day(DateTimeOffset at) => Day(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, AuthorityTime.Zone).DateTime));

    /// <summary>
    /// PDFsharp draws two things by chance on every save: the six-letter tags of embedded font subsets (<c>ABCDEF+DejaVu Sans</c>)
    /// and the XMP metadata's document and instance uuids. Both stand in plain (uncompressed) objects; they are replaced by values
    /// of the same length taken from the order of appearance and the letter's id, so no byte offset moves.
    /// </summary>
    private static byte[] WithoutChance(byte[] pdf, Guid documentId)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        text = SubsetTag().Replace(text, m =>
        {
            if (!tags.TryGetValue(m.Groups["tag"].Value, out var tag))
                tags[m.Groups["tag"].Value] = tag = "FWK" + ((char)('A' + tags.Count / 676)) + ((char)('A' + tags.Count / 26 % 26)) + ((char)('A' + tags.Count % 26));
            return m.Groups["key"].Value + tag + "+";
        });
        text = XmpUuid().Replace(text, m => m.Groups["key"].Value + "uuid:" + documentId.ToString("D"));
        var fixedBytes = Encoding.Latin1.GetBytes(text);
        return fixedBytes.Length == pdf.Length ? fixedBytes : throw new InvalidOperationException("The letter's bytes changed length.");
    }

    [GeneratedRegex("(?<key>/(?:FontName|BaseFont)/)(?<tag>[A-Z]{6})\\+")]
    private static partial Regex SubsetTag();

    [GeneratedRegex("(?<key><xmpMM:(?:DocumentID|InstanceID)>)uuid:[0-9a-fA-F-]{36}")]
    private static partial Regex XmpUuid();
}
