using System.IO.Compression;
using System.Text;

namespace Fachwerk.IntegrationTests.Documents;

/// <summary>Small files of each kind the upload accepts or refuses, each with a unique marker so no two tests share content.</summary>
public static class TestDocuments
{
    private static byte[] Marker() => Encoding.ASCII.GetBytes(Guid.NewGuid().ToString("N"));

    public static byte[] Pdf() =>
        [.. "%PDF-1.4\n% Satzung des Trägers\n"u8, .. Marker(), .. "\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8];

    public static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, .. "IHDR"u8, .. Marker()];

    public static byte[] Jpeg() => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8, 0, .. Marker(), 0xFF, 0xD9];

    public static byte[] Text() => [.. "Kosten- und Finanzierungsplan\r\nPersonal\t30.000 €\n"u8, .. Marker()];

    /// <summary>A Windows program: "MZ", then binary with NUL bytes.</summary>
    public static byte[] Exe() => [.. "MZ"u8, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, .. Marker()];

    /// <summary>An Office Open XML document of <paramref name="mainPart"/>'s kind, <c>[Content_Types].xml</c> first as Office writes it.</summary>
    public static byte[] Ooxml(string mainPart = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml") =>
        Zip(("[Content_Types].xml", CompressionLevel.Optimal,
                $"""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="{mainPart}"/></Types>"""),
            ("word/document.xml", CompressionLevel.Optimal, $"<w:document>{Guid.NewGuid()}</w:document>"));

    /// <summary>
    /// An Office Open XML document as other writers lay it out: <c>_rels/.rels</c> before <c>[Content_Types].xml</c>, and when
    /// <paramref name="streamed"/> written to a stream that cannot seek, so each entry's sizes follow its data (a data descriptor).
    /// </summary>
    public static byte[] OoxmlRelsFirst(string mainPart, bool streamed) =>
        Zip(streamed,
            ("_rels/.rels", CompressionLevel.Optimal,
                """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>"""),
            ("[Content_Types].xml", CompressionLevel.Optimal,
                $"""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/ppt/presentation.xml" ContentType="{mainPart}"/></Types>"""),
            ("ppt/presentation.xml", CompressionLevel.Optimal, $"<p:presentation>{Guid.NewGuid()}</p:presentation>"));

    /// <summary>An OpenDocument text: its <c>mimetype</c> entry first and stored, as the standard requires.</summary>
    public static byte[] Odt() =>
        Zip(("mimetype", CompressionLevel.NoCompression, "application/vnd.oasis.opendocument.text"),
            ("content.xml", CompressionLevel.Optimal, $"<office:document-content>{Guid.NewGuid()}</office:document-content>"));

    /// <summary>A zip that is no office document.</summary>
    public static byte[] PlainZip() => Zip(("notes.txt", CompressionLevel.Optimal, Guid.NewGuid().ToString()));

    private static byte[] Zip(params (string Name, CompressionLevel Level, string Content)[] entries) => Zip(false, entries);

    private static byte[] Zip(bool streamed, params (string Name, CompressionLevel Level, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(streamed ? new ForwardOnly(buffer) : buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, level, content) in entries)
            {
                using var stream = zip.CreateEntry(name, level).Open();
                stream.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A stream that writes forward only, as a network stream does.</summary>
    private sealed class ForwardOnly(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
