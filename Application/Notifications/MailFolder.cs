using MimeKit;

namespace Fachwerk.Application.Notifications;

/// <summary>
/// Writes each mail as an <c>.eml</c> file into a folder instead of sending it: what a service without an SMTP server does, so
/// a newcomer sees the mails on the outgoing-mail page (Development). The file is named after the mail's id, so a repeated
/// send overwrites the same file rather than adding a second.
/// </summary>
public sealed class MailFolder(string path) : IMailTransport
{
    public string Path { get; } = path;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(message);
        Directory.CreateDirectory(Path);
        var file = System.IO.Path.Combine(Path, FileNameOf(message.MessageId ?? Guid.NewGuid().ToString()));
        var temporary = file + ".tmp";
        await message.WriteToAsync(temporary, cancellation);
        File.Move(temporary, file, overwrite: true);
    }

    /// <summary>The mails in the folder, newest first.</summary>
    public IReadOnlyList<FileInfo> Mails() =>
        Directory.Exists(Path)
            ? [.. new DirectoryInfo(Path).GetFiles("*.eml").OrderByDescending(f => f.LastWriteTimeUtc)]
            : [];

    /// <summary>The file of a message id: its local part, which is the notification's id.</summary>
    public static string FileNameOf(string messageId) => new string(messageId.Split('@')[0].Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').ToArray()) + ".eml";
}
