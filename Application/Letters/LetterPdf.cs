using System.Globalization;
using System.Text;
using Fachwerk.Application.Common;
using PdfSharp.Pdf;

namespace Fachwerk.Application.Letters;

/// <summary>
/// What every letter of the authority shares (ADR 0104): a deterministic A4 PDF (dates and document ID from the facts, never the clock),
/// the letter head with addressee, date and file number, the legal-remedy paragraph and the closing, and the German formats.
/// </summary>
internal static class LetterPdf
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
    /// and the XMP metadata's document and instance uuids. Both stand in plain (uncompressed) objects; they are overwritten in
    /// place by values of the same length taken from the order of appearance and the letter's id, so no byte offset moves. In
    /// place, because a letter is rendered with every approval: copies of the whole file as text cost more than the rest.
    /// </summary>
    private static byte[] WithoutChance(byte[] pdf, Guid documentId)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        // In the order of appearance, as the tags were always numbered.
        foreach (var tagAt in SubsetTagKeys.SelectMany(key => After(pdf, key)).Where(at => IsSubsetTag(pdf, at)).Order())
        {
            var found = Encoding.Latin1.GetString(pdf, tagAt, 6);
            if (!tags.TryGetValue(found, out var tag))
                tags[found] = tag = "FWK" + ((char)('A' + tags.Count / 676)) + ((char)('A' + tags.Count / 26 % 26)) + ((char)('A' + tags.Count % 26));
            Encoding.Latin1.GetBytes(tag, pdf.AsSpan(tagAt, 6));
        }
        var uuid = Encoding.Latin1.GetBytes("uuid:" + documentId.ToString("D"));
        foreach (var uuidAt in XmpUuidKeys.SelectMany(key => After(pdf, key)).Where(at => IsUuid(pdf, at)))
            uuid.CopyTo(pdf, uuidAt);
        return pdf;
    }

    /// <summary>Where each occurrence of <paramref name="key"/> in the file ends.</summary>
    private static IEnumerable<int> After(byte[] pdf, byte[] key)
    {
        for (var from = 0; pdf.AsSpan(from).IndexOf(key) is var found and >= 0;)
        {
            from += found + key.Length;
            yield return from;
        }
    }

    // The subset tags stand after these keys as six capital letters and a plus sign.
    private static readonly byte[][] SubsetTagKeys = [.. new[] { "/FontName/", "/BaseFont/" }.Select(Encoding.Latin1.GetBytes)];

    // The XMP uuids stand after these tags as "uuid:" and 36 characters of a uuid.
    private static readonly byte[][] XmpUuidKeys = [.. new[] { "<xmpMM:DocumentID>", "<xmpMM:InstanceID>" }.Select(Encoding.Latin1.GetBytes)];

    private static bool IsSubsetTag(byte[] pdf, int at) =>
        at + 7 <= pdf.Length && pdf.AsSpan(at, 6).IndexOfAnyExceptInRange((byte)'A', (byte)'Z') < 0 && pdf[at + 6] == (byte)'+';

    private static bool IsUuid(byte[] pdf, int at) =>
        at + 41 <= pdf.Length && pdf.AsSpan(at, 5).SequenceEqual("uuid:"u8)
        && pdf.AsSpan(at + 5, 36).IndexOfAnyExcept("0123456789abcdefABCDEF-"u8) < 0;
}
