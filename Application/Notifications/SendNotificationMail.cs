using Marten;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Fachwerk.Application.Notifications;

/// <summary>Mails notification <paramref name="NotificationId"/> to its recipient, unless that was done already.</summary>
/// <param name="NotificationId">The notification to mail.</param>
/// <param name="Recipient">
/// Its recipient, when the sender knows it: the handler then reads the notification and the recipient's profile in one round trip.
/// Without it (messages queued before it was added, or a sender that does not know it) the handler reads them one after the other.
/// </param>
public sealed record SendNotificationMail(Guid NotificationId, string? Recipient = null);

/// <summary>
/// Sends a notification's mail and records that it went out, in the same step: a mail recorded as sent is never sent again,
/// whether the message is delivered twice or replayed from the dead letters. The mail's Message-ID is derived from the
/// notification, so the one case left, a crash between the server taking the mail and the record being stored, gives a second
/// copy with the same id, which mail clients show once (ADR 0091). A server that is away or refuses is retried with growing
/// pauses, then for about a day; after that the message waits in the dead letters for an administrator (<see cref="MailRetryPolicy"/>).
/// </summary>
public static class SendNotificationMailHandler
{
    public static async Task Handle(
        SendNotificationMail command, IDocumentSession session, IMailTransport transport, IOptions<NotificationOptions> options, TimeProvider clock,
        CancellationToken cancellation)
    {
        var (_, notification, profile) = (await ReadAsync(session, [command], cancellation))[0];
        await MailAsync(session, notification, profile, transport, options.Value.Smtp, clock, cancellation);
    }

    /// <summary>
    /// Mails a notification read already to its recipient, whose profile was read with it, and records in the session that it went
    /// out, or why it did not; a notification mailed or answered already is left alone. Throws when the server does not take the mail.
    /// </summary>
    public static async Task MailAsync(
        IDocumentSession session, Notification? notification, UserProfile? profile, IMailTransport transport, SmtpSettings smtp, TimeProvider clock,
        CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(clock);
        if (notification is null || notification.SentAt is not null || notification.NotMailedBecause is not null) return;
        if (string.IsNullOrWhiteSpace(profile?.Email))
        {
            session.Store(notification with { NotMailedBecause = "no address known" });
            return;
        }

        await transport.SendAsync(MailOf(notification, profile, smtp), cancellation);
        var sentAt = clock.GetUtcNow();
        session.Store(notification with { SentAt = sentAt });
        // A digest's mail carried its parts: they count as mailed with it.
        if (notification.Parts.Count > 0)
        {
            foreach (var part in await session.LoadManyAsync<Notification>(cancellation, notification.Parts))
                session.Store(part with { SentAt = sentAt });
        }
    }

    /// <summary>
    /// The notifications of <paramref name="mails"/> with their recipients' profiles, in the mails' order (null where a notification
    /// does not exist): in one round trip when the messages name the recipients (issue 25). A notification's recipient never changes;
    /// one its message did not name (queued before messages named it, hand-made, or a bug) is read on its own.
    /// </summary>
    public static async Task<IReadOnlyList<(SendNotificationMail Mail, Notification? Notification, UserProfile? Profile)>> ReadAsync(
        IDocumentSession session, IReadOnlyList<SendNotificationMail> mails, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(mails);
        string[] named = [.. mails.Select(m => m.Recipient).OfType<string>().Distinct(StringComparer.Ordinal)];
        var batch = session.CreateBatchQuery();
        var notificationsRead = batch.LoadMany<Notification>().ById([.. mails.Select(m => m.NotificationId)]);
        var profilesRead = named.Length == 0 ? null : batch.LoadMany<UserProfile>().ById(named);
        await batch.Execute(cancellation);
        var notifications = (await notificationsRead).ToDictionary(n => n.Id);
        var profiles = (profilesRead is null ? [] : await profilesRead).ToDictionary(p => p.Id, StringComparer.Ordinal);

        var read = new List<(SendNotificationMail, Notification?, UserProfile?)>(mails.Count);
        foreach (var mail in mails)
        {
            if (!notifications.TryGetValue(mail.NotificationId, out var notification))
            {
                read.Add((mail, null, null));
                continue;
            }
            var profile = named.Contains(notification.Recipient, StringComparer.Ordinal)
                ? profiles.GetValueOrDefault(notification.Recipient)
                : await session.LoadAsync<UserProfile>(notification.Recipient, cancellation);
            read.Add((mail, notification, profile));
        }
        return read;
    }

    /// <summary>The mail of a notification: plain text and HTML, the Message-ID derived from the notification.</summary>
    public static MimeMessage MailOf(Notification notification, UserProfile recipient, SmtpSettings smtp)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(smtp);
        var message = new MimeMessage
        {
            MessageId = $"{notification.Id:D}@fachwerk",
            Subject = notification.Subject,
            Date = notification.CreatedAt,
            Body = new BodyBuilder
            {
                TextBody = notification.Text,
                HtmlBody = $"<!DOCTYPE html><html lang=\"{notification.Language}\"><head><meta charset=\"utf-8\"><title>{System.Net.WebUtility.HtmlEncode(notification.Subject)}</title></head><body>{notification.Html}</body></html>",
            }.ToMessageBody(),
        };
        message.From.Add(new MailboxAddress(smtp.SenderName, smtp.Sender));
        message.To.Add(new MailboxAddress(recipient.Name ?? "", recipient.Email ?? throw new ArgumentException("The recipient has no address.", nameof(recipient))));
        // A MIME header of the content: it belongs to the body, where mail clients and parsers look for it.
        message.Body.Headers.Add(HeaderId.ContentLanguage, notification.Language);
        message.Headers.Add("X-Fachwerk-Notification", notification.Kind.ToString());
        if (notification.ApplicationId != Guid.Empty) message.Headers.Add("X-Fachwerk-Application", notification.ApplicationId.ToString());
        if (notification.PilotId is { } pilot) message.Headers.Add("X-Fachwerk-Pilot", pilot.ToString());
        return message;
    }
}
