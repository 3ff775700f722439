using System.IO.Compression;
using System.Text;

namespace Fachwerk.Application.Documents;

/// <summary>
/// Finds a document's media type in its bytes, never in its name or the type the client declared (ADR 0086): PDF, PNG and JPEG by
/// their signatures; ODF and OOXML documents by their zip container (ODF's uncompressed first entry <c>mimetype</c>,
/// OOXML's <c>[Content_Types].xml</c> naming the main part, wherever it starts within the head); plain text when every byte is UTF-8 without control characters
/// other than tab, line feed, form feed and carriage return. Anything else is not accepted.
/// </summary>
/// <remarks>
/// Fed while the upload streams: it keeps the first <see cref="HeadBytes"/> bytes (what the signatures and a container's first
/// entry need) and checks the text rule chunk by chunk, so it never holds the whole file.
/// </remarks>
public sealed class DocumentTypes
{
    public const int HeadBytes = 64 * 1024;
    public const string Pdf = "application/pdf";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Text = "text/plain; charset=utf-8";

    /// <summary>The types of office documents accepted, by what their containers declare.</summary>
    public static readonly IReadOnlyList<string> OfficeTypes =
    [
        "application/vnd.oasis.opendocument.text",
        "application/vnd.oasis.opendocument.spreadsheet",
        "application/vnd.oasis.opendocument.presentation",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ];

    /// <summary>What the refusal names as accepted.</summary>
    public const string Accepted = "PDF, PNG, JPEG, plain UTF-8 text, and OpenDocument or Office Open XML documents (text, spreadsheet, presentation)";

    private static readonly byte[] PdfSignature = "%PDF-"u8.ToArray();
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];

    private readonly byte[] head = new byte[HeadBytes];
    private int headLength;
    private readonly Decoder utf8 = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
    private readonly char[] decoded = new char[Encoding.UTF8.GetMaxCharCount(81920 + 4)];
    private bool text = true;

    /// <summary>Takes the next bytes of the upload.</summary>
    public void Feed(ReadOnlySpan<byte> bytes)
    {
        var toHead = Math.Min(bytes.Length, HeadBytes - headLength);
        bytes[..toHead].CopyTo(head.AsSpan(headLength));
        headLength += toHead;
        while (text && bytes.Length > 0)
        {
            var take = Math.Min(bytes.Length, 81920);
            text = IsText(bytes[..take], flush: false);
            bytes = bytes[take..];
        }
    }

    /// <summary>The media type the bytes fed so far show, or null when they are none of the accepted ones.</summary>
    public string? MediaType()
    {
        var start = head.AsSpan(0, headLength);
        if (start.StartsWith(PdfSignature)) return Pdf;
        if (start.StartsWith(PngSignature)) return Png;
        if (start.StartsWith(JpegSignature)) return Jpeg;
        if (start.StartsWith(ZipSignature)) return OfficeType(start);
        return text && IsText([], flush: true) ? Text : null;
    }

    private bool IsText(ReadOnlySpan<byte> bytes, bool flush)
    {
        try
        {
            var count = utf8.GetChars(bytes, decoded, flush);
            foreach (var c in decoded.AsSpan(0, count))
                if (char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f')) return false;
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>
    /// The office type a zip container declares, or null (any other zip): ODF's <c>mimetype</c> must be the first entry, stored
    /// uncompressed (the standard says so); OOXML's <c>[Content_Types].xml</c> may be any entry that starts within the head, as
    /// writers other than Office put <c>_rels/.rels</c> or others before it.
    /// </summary>
    private static string? OfficeType(ReadOnlySpan<byte> zip)
    {
        if (LocalEntry(zip) is not { } first) return null;
        if (first.Name == "mimetype")
        {
            var data = zip[first.DataStart..];
            if (first.Method != 0 || first.CompressedSize > data.Length) return null;
            var declared = Encoding.ASCII.GetString(data[..first.CompressedSize]).Trim();
            return OfficeTypes.FirstOrDefault(t => t == declared && t.Contains("opendocument", StringComparison.Ordinal));
        }

        var at = 0;
        while (at >= 0 && at < zip.Length)
        {
            if (LocalEntry(zip[at..]) is { Name: "[Content_Types].xml" } entry) return OoxmlType(entry, zip[(at + entry.DataStart)..]);
            // Entries whose sizes follow their data (a data descriptor) cannot be skipped by their header: look for the next
            // header's signature instead.
            var next = zip[(at + 1)..].IndexOf(ZipSignature);
            at = next < 0 ? -1 : at + 1 + next;
        }

        return null;
    }

    /// <summary>A zip entry's local header at the start of <paramref name="zip"/>, or null.</summary>
    private static LocalHeader? LocalEntry(ReadOnlySpan<byte> zip)
    {
        const int fixedHeader = 30;
        if (zip.Length < fixedHeader || !zip.StartsWith(ZipSignature)) return null;
        var nameLength = BitConverter.ToUInt16(zip[26..28]);
        var dataStart = fixedHeader + nameLength + BitConverter.ToUInt16(zip[28..30]);
        if (zip.Length < dataStart) return null;
        return new LocalHeader(
            Encoding.ASCII.GetString(zip[fixedHeader..(fixedHeader + nameLength)]),
            BitConverter.ToUInt16(zip[8..10]),
            (int)Math.Min(BitConverter.ToUInt32(zip[18..22]), int.MaxValue),
            dataStart);
    }

    /// <param name="DataStart">Where the entry's data starts, counted from its header.</param>
    private sealed record LocalHeader(string Name, int Method, int CompressedSize, int DataStart);

    /// <summary>The OOXML type whose main part <c>[Content_Types].xml</c> declares, or null.</summary>
    private static string? OoxmlType(LocalHeader entry, ReadOnlySpan<byte> data)
    {
        var types = entry.Method switch
        {
            0 => Encoding.UTF8.GetString(data[..Math.Min(entry.CompressedSize, data.Length)]),
            8 => Inflated(data.ToArray()),
            _ => "",
        };
        return OfficeTypes.FirstOrDefault(t => MainPartOf(t) is { } main && types.Contains($"ContentType=\"{main}\"", StringComparison.Ordinal));
    }

    /// <summary>The content type of an OOXML document's main part (a workbook's is <c>...sheet.main+xml</c>); ODF has none.</summary>
    private static string? MainPartOf(string type) => type.Contains("openxmlformats", StringComparison.Ordinal) ? $"{type}.main+xml" : null;

    /// <summary>The start of a deflated entry, as far as the head holds it.</summary>
    private static string Inflated(byte[] deflated)
    {
        using var input = new DeflateStream(new MemoryStream(deflated), CompressionMode.Decompress);
        var buffer = new byte[16 * 1024];
        var length = 0;
        try
        {
            int read;
            while (length < buffer.Length && (read = input.Read(buffer, length, buffer.Length - length)) > 0) length += read;
        }
        catch (InvalidDataException)
        {
            // The head ends inside the entry (or after it, in the next one's bytes): what was inflated so far is all we read.
        }

        return Encoding.UTF8.GetString(buffer, 0, length);
    }
}
