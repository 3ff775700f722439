namespace Fachwerk.Application.Documents;

/// <summary>Limits of document uploads (configuration section <c>Documents</c>).</summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    /// <summary>The largest file accepted, in bytes (<c>Documents:MaxBytes</c>; 25 MB by default).</summary>
    public long MaxBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>
    /// What a multipart body may carry beyond the file: its boundaries, part headers and the form fields. A body longer than
    /// <see cref="MaxBytes"/> plus this is refused by its declared length before it is read.
    /// </summary>
    public const long EnvelopeBytes = 64 * 1024;
}
