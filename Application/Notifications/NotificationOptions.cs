namespace Fachwerk.Application.Notifications;

/// <summary>
/// How notifications are mailed (configuration section <c>Notifications</c>): the SMTP server, the sender, and the address of
/// the web UI that every mail links to. Without <see cref="SmtpSettings.Host"/> mails are written as <c>.eml</c> files into
/// <see cref="MailFolder"/> (in Development by default <c>.fachwerk/outgoing-mail</c>, shown on the outgoing-mail page).
/// </summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>The web UI's public address, e.g. <c>https://fachwerk.example.org/</c>: mails link to its pages.</summary>
    public string PublicAddress { get; set; } = "http://localhost:5080/";

    /// <summary>The SMTP server; without a host no mail leaves the machine.</summary>
    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>Where mails are written as <c>.eml</c> files when no SMTP server is configured (Development sets one by default).</summary>
    public string? MailFolder { get; set; }

    /// <summary>How a mail the server did not take is tried again before it becomes a dead letter.</summary>
    public MailRetries Retry { get; set; } = new();

    /// <summary>Whether mails go to an SMTP server.</summary>
    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);

    /// <summary>The page of the web UI at <paramref name="path"/> (relative, without a leading slash).</summary>
    public Uri Page(string path) => new(new Uri(PublicAddress.EndsWith('/') ? PublicAddress : PublicAddress + "/"), path.TrimStart('/'));
}

/// <summary>The SMTP server mails are sent to (<c>Notifications:Smtp</c>).</summary>
public sealed class SmtpSettings
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>How the connection is secured: <c>StartTls</c> (default), <c>SslOnConnect</c> (port 465), <c>Auto</c>, or <c>None</c> (a local test server only).</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>The account to sign in with; none for a server that takes mail without (a local relay, smtp4dev).</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender's address, e.g. <c>fachwerk@foerderbehoerde.example</c>.</summary>
    public string Sender { get; set; } = "fachwerk@localhost";

    /// <summary>The sender's name shown in mail clients.</summary>
    public string SenderName { get; set; } = "Fachwerk";
}

/// <summary>How the SMTP connection is secured.</summary>
public enum SmtpSecurity
{
    StartTls,
    SslOnConnect,
    Auto,
    None,
}
