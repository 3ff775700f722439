using MimeKit;

namespace Fachwerk.Application.Notifications;

/// <summary>Where a finished mail goes: an SMTP server, or a folder of <c>.eml</c> files when none is configured.</summary>
public interface IMailTransport
{
    /// <summary>Hands the mail over; throws when the server is away or refuses it (the send is then retried, ADR 0091).</summary>
    Task SendAsync(MimeMessage message, CancellationToken cancellation);
}
