using Fachwerk.Application.Applications;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;

namespace Fachwerk.Application.Notifications;

/// <summary>
/// Turns planned notifications into records, once: each gets the id of its cause, kind and recipient, and one that exists already
/// (a redelivery, a replay, a handler run twice) is left alone. A new one is stored with its texts in the recipient's language, and
/// its mail is sent through the outbox in the same transaction (<see cref="SendNotificationMail"/>), unless the recipient turned
/// that kind's mails off (ADR 0091).
/// </summary>
public sealed class Notifications(IOptions<NotificationOptions> options, IOptions<TeamOptions> team, TimeProvider clock)
{
    public async Task<IReadOnlyList<Notification>> RecordAsync(
        IDocumentOperations session, IMessageBus bus, string cause, ApplicationSummary application, IEnumerable<PlannedNotification> planned,
        CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(bus);
        var candidates = new List<(Guid Id, PlannedNotification Plan, UserProfile Recipient)>();
        foreach (var plan in planned)
        {
            var recipients = await Recipients.FindAsync(session, plan.Audience, application, team.Value, plan.Except, cancellation);
            candidates.AddRange(recipients.Select(r => (NotificationId.Of(cause, plan.Kind, r.Id), plan, r)));
        }
        if (candidates.Count == 0) return [];

        var existing = (await session.LoadManyAsync<Notification>(cancellation, [.. candidates.Select(c => c.Id)])).Select(n => n.Id).ToHashSet();
        var preferences = (await session.LoadManyAsync<NotificationPreferences>(cancellation, [.. candidates.Select(c => c.Recipient.Id).Distinct()]))
            .ToDictionary(p => p.Id, StringComparer.Ordinal);
        var recorded = new List<Notification>();
        foreach (var (id, plan, recipient) in candidates.Where(c => !existing.Contains(c.Id)).DistinctBy(c => c.Id))
        {
            var link = options.Value.Page(plan.Page);
            var text = NotificationTexts.Compose(plan.Kind, recipient.Language, plan.Facts, link);
            var delivery = preferences.TryGetValue(recipient.Id, out var chosen) ? chosen.For(plan.Kind) : Delivery.Immediate;
            var notification = new Notification
            {
                Id = id, Recipient = recipient.Id, Kind = plan.Kind, ApplicationId = application.Id, Subject = text.Subject, Text = text.Text,
                Html = text.Html, Link = link.ToString(), Language = recipient.Language, CreatedAt = clock.GetUtcNow(), Delivery = delivery,
                NotMailedBecause = delivery == Delivery.Off ? "turned off by the recipient" : null,
            };
            session.Store(notification);
            if (delivery == Delivery.Immediate) await bus.PublishAsync(new SendNotificationMail(id));
            recorded.Add(notification);
        }
        return recorded;
    }
}
