using Marten;
using JasperFx;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Attributes;

namespace Fachwerk.Application.Notifications;

/// <summary>Scheduled for the morning of <paramref name="Day"/> when the first notification of <paramref name="Recipient"/>'s digest is recorded.</summary>
public sealed record DailyDigestDue(string Recipient, DateOnly Day)
{
    public DateTimeOffset At => DailyDigest.At(Day);
}

/// <summary>
/// Collects a user's notifications waiting for the digest into one notification of kind <see cref="NotificationKind.DailyDigest"/>,
/// whose mail goes the way of every mail (<see cref="SendNotificationMail"/>: once, retried, dead-lettered). The digest's id is its
/// recipient and day, and it is inserted, never overwritten, in the same transaction that marks its parts: a redelivered message,
/// two deliveries at once or a restart make no second digest, and a notification is in one digest only. Nothing waiting, no mail.
/// </summary>
public static class DailyDigestDueHandler
{
    /// <summary>Two deliveries at once: the second finds the digest inserted by the first and does nothing.</summary>
    [RetryNow(typeof(DocumentAlreadyExistsException), 50, 250)]
    public static async Task Handle(
        DailyDigestDue due, IDocumentSession session, IMessageBus bus, IOptions<NotificationOptions> options, TimeProvider clock, CancellationToken cancellation)
    {
        // Delivered before its morning (a node's clock ahead), it does nothing; the notifications wait for the next digest.
        if (clock.GetUtcNow() < due.At) return;
        var id = NotificationId.Of($"digest/{due.Day:yyyy-MM-dd}", NotificationKind.DailyDigest, due.Recipient);
        if (await session.LoadAsync<Notification>(id, cancellation) is not null) return;

        // Also those of earlier days that missed their digest (recorded while it was being made).
        var recipient = due.Recipient;
        var day = due.Day;
        var parts = await session.Query<Notification>()
            .Where(n => n.Recipient == recipient && n.DigestOn != null && n.DigestOn <= day && n.DigestId == null && n.SentAt == null)
            .OrderBy(n => n.CreatedAt).ToListAsync(cancellation);
        if (parts.Count == 0) return;

        var language = (await session.LoadAsync<UserProfile>(recipient, cancellation))?.Language ?? "de";
        var link = options.Value.Page("notifications");
        var text = NotificationTexts.ComposeDigest(language, day, parts, link);
        session.Insert(new Notification
        {
            Id = id, Recipient = recipient, Kind = NotificationKind.DailyDigest, Subject = text.Subject, Text = text.Text, Html = text.Html,
            Link = link.ToString(), Language = language, CreatedAt = clock.GetUtcNow(), Delivery = Delivery.Immediate, Parts = [.. parts.Select(p => p.Id)],
        });
        foreach (var part in parts) session.Store(part with { DigestId = id });
        await bus.PublishAsync(new SendNotificationMail(id, recipient));
    }
}
