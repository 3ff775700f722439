using Fachwerk.Application.Applications;
using Fachwerk.Domain.People;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;

namespace Fachwerk.Application.Notifications;

/// <summary>
/// Turns planned notifications into records, once: each gets the id of its cause, kind and recipient, and one that exists already
/// (a redelivery, a replay, a handler run twice) is left alone. A new one is stored with its texts in the recipient's language, and
/// its mail is sent through the outbox in the same transaction (<see cref="SendNotificationMail"/>, or one
/// <see cref="SendNotificationMails"/> for several), unless the recipient turned that kind's mails off or wants it in the daily
/// digest, whose mail is then scheduled for the next morning (ADR 0091, ADR 0097).
/// </summary>
public sealed class Notifications(IOptions<NotificationOptions> options, IOptions<TeamOptions> team, TimeProvider clock)
{
    public Task<IReadOnlyList<Notification>> RecordAsync(
        IDocumentOperations session, IMessageBus bus, string cause, ApplicationSummary application, IEnumerable<PlannedNotification> planned,
        CancellationToken cancellation) =>
        RecordAsync(session, bus, cause, NotificationTopic.Of(application), planned, cancellation);

    public async Task<IReadOnlyList<Notification>> RecordAsync(
        IDocumentOperations session, IMessageBus bus, string cause, NotificationTopic topic, IEnumerable<PlannedNotification> planned,
        CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(bus);
        var mails = new List<SendNotificationMail>();
        var recorded = await RecordAsync(session, bus, [new NotificationCause(cause, topic, [.. planned])], mails, cancellation);
        if (SendNotificationMails.MessageFor(mails) is { } message) await bus.PublishAsync(message);
        return recorded;
    }

    /// <summary>
    /// Records as above for several causes at once (a page of the subscription), but adds the mails to <paramref name="mails"/>
    /// instead of sending them, so that the caller sends all of them in one message. Two round trips whatever the number of causes:
    /// every audience's profiles in one, and their people's revocations, the notifications recorded already and the recipients'
    /// preferences in the next (issue 25).
    /// </summary>
    public async Task<IReadOnlyList<Notification>> RecordAsync(
        IDocumentOperations session, IMessageBus bus, IReadOnlyList<NotificationCause> causes, ICollection<SendNotificationMail> mails,
        CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(causes);
        ArgumentNullException.ThrowIfNull(mails);
        var audiences = session.CreateBatchQuery();
        var queued = new Dictionary<string, Candidates>(StringComparer.Ordinal);
        var planned = (from cause in causes
                       from plan in cause.Planned
                       let candidates = Recipients.Queue(audiences, queued, plan.Audience, cause.Topic, team.Value, plan.Only)
                       where candidates is not null
                       select (cause, plan, candidates)).ToList();
        if (planned.Count == 0) return [];
        await audiences.Execute(cancellation);

        var found = new List<(NotificationCause Cause, PlannedNotification Plan, Candidates Candidates, IReadOnlyList<UserProfile> Profiles)>();
        foreach (var (cause, plan, candidates) in planned) found.Add((cause, plan, candidates, await candidates.Profiles));
        var bound = found.Where(f => f.Candidates.Binding is not null).SelectMany(f => f.Profiles).Select(p => Person.IdOf(p.Id)).Distinct().ToArray();
        var everyone = found.SelectMany(f => f.Profiles.Select(p => (Id: NotificationId.Of(f.Cause.Cause, f.Plan.Kind, p.Id), Recipient: p.Id))).ToList();
        if (everyone.Count == 0) return [];
        var batch = session.CreateBatchQuery();
        var revocations = bound.Length == 0 ? Task.FromResult<IReadOnlyList<Person>>([]) : batch.LoadMany<Person>().ById(bound);
        var recordedAlready = batch.LoadMany<Notification>().ById([.. everyone.Select(c => c.Id).Distinct()]);
        var chosen = batch.LoadMany<NotificationPreferences>().ById([.. everyone.Select(c => c.Recipient).Distinct(StringComparer.Ordinal)]);
        await batch.Execute(cancellation);
        var people = (await revocations).ToDictionary(p => p.Id);
        var existing = (await recordedAlready).Select(n => n.Id).ToHashSet();
        var preferences = (await chosen).ToDictionary(p => p.Id, StringComparer.Ordinal);

        var now = clock.GetUtcNow();
        var digests = new HashSet<(string Recipient, DateOnly Day)>();
        var recorded = new List<Notification>();
        var candidatesInOrder = from f in found
                                from recipient in Recipients.Select(f.Profiles, f.Candidates.Binding, people, f.Plan.Audience, f.Plan.Except, f.Plan.Only)
                                select (Id: NotificationId.Of(f.Cause.Cause, f.Plan.Kind, recipient.Id), f.Cause, f.Plan, Recipient: recipient);
        foreach (var (id, cause, plan, recipient) in candidatesInOrder.Where(c => !existing.Contains(c.Id)).DistinctBy(c => c.Id))
        {
            var topic = cause.Topic;
            var link = options.Value.Page(plan.Page);
            var text = NotificationTexts.Compose(plan.Kind, recipient.Language, plan.Facts, link);
            var delivery = preferences.TryGetValue(recipient.Id, out var preference) ? preference.For(plan.Kind) : Delivery.Immediate;
            var notification = new Notification
            {
                Id = id, Recipient = recipient.Id, Kind = plan.Kind, ApplicationId = topic.Application?.Id ?? Guid.Empty, PilotId = topic.PilotId,
                Subject = text.Subject, Text = text.Text, Html = text.Html, Link = link.ToString(), Language = recipient.Language, CreatedAt = now,
                Delivery = delivery, NotMailedBecause = delivery == Delivery.Off ? "turned off by the recipient" : null,
                DigestOn = delivery == Delivery.Digest ? DailyDigest.DayFor(now) : null,
            };
            if (delivery == Delivery.Digest && digests.Add((recipient.Id, notification.DigestOn!.Value)))
                await ScheduleDigestAsync(session, bus, notification, cancellation);
            // Inserted, never overwritten: two deliveries of the same cause at once (a deadline's timer run twice) collide here
            // instead of both mailing; the loser's retry finds the notification and records nothing (the handlers' RetryNow).
            session.Insert(notification);
            if (delivery == Delivery.Immediate) mails.Add(new SendNotificationMail(id, recipient.Id));
            recorded.Add(notification);
        }
        return recorded;
    }

    /// <summary>
    /// The first notification of a recipient's digest schedules that digest; later ones find it scheduled. Two scheduled at once (two
    /// handlers recording in parallel) make one mail all the same: the digest's id is its recipient and day.
    /// </summary>
    private static async Task ScheduleDigestAsync(IDocumentOperations session, IMessageBus bus, Notification notification, CancellationToken cancellation)
    {
        var day = notification.DigestOn!.Value;
        var recipient = notification.Recipient;
        if (await session.Query<Notification>().AnyAsync(n => n.Recipient == recipient && n.DigestOn == day, cancellation)) return;
        var due = new DailyDigestDue(recipient, day);
        await bus.ScheduleAsync(due, due.At);
    }
}
