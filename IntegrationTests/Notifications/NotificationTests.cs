using Fachwerk.Application.Applications;
using Fachwerk.Application.Notifications;
using Fachwerk.Application.Programmes;
using Fachwerk.Domain.Applications;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Wolverine;
using Wolverine.Tracking;

namespace Fachwerk.IntegrationTests.Notifications;

/// <summary>
/// Notifications are derived from the stored events after the command (the daemon's subscription), mailed to a real SMTP server
/// inside the test process, and each one exactly once: the tests read what the server received.
/// </summary>
public class NotificationTests(AppFixture fixture) : NotificationsApi(fixture)
{
    [Fact]
    public async Task The_applicant_is_mailed_the_requested_documents_with_the_deadline_in_German_with_a_link_to_the_application()
    {
        var id = await Submitted(await LaunchProgramme());
        await Act(Caseworker, id, "document-requests", new RequestDocuments(2, ["Satzung", "Kosten- und Finanzierungsplan"]));

        var mails = await MailsAbout(id);

        var mail = mails.Where(m => m.To.Mailboxes.Single().Address == Applicant.Email).ShouldHaveSingleItem();
        mail.Headers["X-Fachwerk-Notification"].ShouldBe(nameof(NotificationKind.DocumentsRequested));
        mail.Body.ShouldNotBeNull().Headers[HeaderId.ContentLanguage].ShouldBe("de");
        mail.From.Mailboxes.Single().Address.ShouldBe("fachwerk@behoerde.invalid");
        mail.Subject.ShouldStartWith("Unterlagen nachreichen bis 16.03.2026");
        mail.TextBody.ShouldNotBeNull().ShouldContain("Satzung");
        mail.TextBody.ShouldNotBeNull().ShouldContain("Kosten- und Finanzierungsplan");
        mail.TextBody.ShouldNotBeNull().ShouldContain($"http://localhost:5080/applications/{id}");
        mail.HtmlBody.ShouldNotBeNull().ShouldContain($"<a href=\"http://localhost:5080/applications/{id}\">Zur Seite</a>");
        mail.MessageId.ShouldBe($"{NotificationId.Of(NotificationId.OfEvent(id, 3), NotificationKind.DocumentsRequested, Applicant.Id):D}@fachwerk");
        // The submission told the team's caseworkers; the request told nobody but the applicant.
        mails.Where(m => m.To.Mailboxes.Single().Address == Caseworker.Email).ShouldHaveSingleItem()
            .Headers["X-Fachwerk-Notification"].ShouldBe(nameof(NotificationKind.NewSubmission));
        mails.ShouldNotContain(m => m.To.Mailboxes.Single().Address == Reviewer.Email);
    }

    [Fact]
    public async Task A_user_whose_locale_is_English_is_mailed_in_English()
    {
        Locales[Applicant] = "en-GB";
        var id = await Submitted(await LaunchProgramme());
        await Act(Caseworker, id, "document-requests", new RequestDocuments(2, ["Articles of association"]));

        var mail = (await MailsAbout(id)).Single(m => m.To.Mailboxes.Single().Address == Applicant.Email);

        mail.Body.ShouldNotBeNull().Headers[HeaderId.ContentLanguage].ShouldBe("en");
        mail.Subject.ShouldStartWith("Documents requested by 16/03/2026");
        mail.TextBody.ShouldNotBeNull().ShouldContain("Please supply them by 16/03/2026");
        mail.HtmlBody.ShouldNotBeNull().ShouldContain("Open the page");
    }

    [Fact]
    public async Task Reviewers_of_the_alliance_and_approvers_other_than_the_proposer_are_told_what_waits_for_them()
    {
        // Fachwerk knows people from their requests: the approver has signed in before.
        await SignedIn(Approver);
        var (id, _) = await Proposed(await LaunchProgramme());

        var mails = await MailsAbout(id);

        mails.Where(m => m.To.Mailboxes.Single().Address == Reviewer.Email).ShouldHaveSingleItem()
            .Headers["X-Fachwerk-Notification"].ShouldBe(nameof(NotificationKind.AwaitsAllianceVote));
        mails.Where(m => m.To.Mailboxes.Single().Address == Approver.Email).ShouldHaveSingleItem()
            .Headers["X-Fachwerk-Notification"].ShouldBe(nameof(NotificationKind.ProposalAwaitsConfirmation));
        // The caseworker proposed: four eyes, she is not asked to confirm her own proposal.
        mails.ShouldNotContain(m => m.Headers["X-Fachwerk-Notification"] == nameof(NotificationKind.ProposalAwaitsConfirmation)
                                    && m.To.Mailboxes.Single().Address == Caseworker.Email);
    }

    /// <summary>Rita reviews for the test's alliance too: she is known to Fachwerk but not assigned.</summary>
    protected override (Guid? Organisation, Guid? Alliance, Guid? Pilot) BindingsOf(DemoUser user, string? url) =>
        user == DemoUsers.LabourAgencyReviewer ? (null, AllianceId, null) : base.BindingsOf(user, url);

    [Fact]
    public async Task Only_the_reviewer_assigned_is_asked_for_the_review_and_led_to_the_reviews_section()
    {
        var programme = await LaunchProgramme();
        await Send(Caseworker, HttpMethod.Put, $"/api/programmes/{programme}/review-criteria", new SetReviewCriteria(1, [new("Wirkung", 100)]));
        await SignedIn(Reviewer);
        await SignedIn(DemoUsers.LabourAgencyReviewer);
        var id = await Submitted(programme);
        await Act(Caseworker, id, "reviewers", new AssignReviewer(2, Reviewer.Id, Reviewer.DisplayName));

        var mails = await MailsAbout(id);

        var asked = mails.Where(m => m.Headers["X-Fachwerk-Notification"] == nameof(NotificationKind.ReviewRequested)).ShouldHaveSingleItem();
        asked.To.Mailboxes.Single().Address.ShouldBe(Reviewer.Email);
        asked.Subject.ShouldStartWith("Gutachten erbeten");
        asked.TextBody.ShouldNotBeNull().ShouldContain($"http://localhost:5080/applications/{id}#reviews-heading");
        mails.ShouldNotContain(m => m.To.Mailboxes.Single().Address == DemoUsers.LabourAgencyReviewer.Email);
    }

    [Fact]
    public async Task An_external_expert_assigned_is_asked_for_the_review_and_no_alliance_reviewer_is()
    {
        var programme = await LaunchProgramme();
        await Send(Caseworker, HttpMethod.Put, $"/api/programmes/{programme}/review-criteria",
            new SetReviewCriteria(1, [new("Wirkung", 100)], AllowsExternalExperts: true));
        // Fachwerk knows the expert from her list of assignments, the reviewer from his requests.
        await Get<System.Text.Json.JsonElement>(DemoUsers.ExternalExpert, "/api/review-assignments");
        await SignedIn(Reviewer);
        var id = await Submitted(programme);
        await EnsureExpertListed(DemoUsers.ExternalExpert);
        await Act(Caseworker, id, "reviewers", new AssignReviewer(2, DemoUsers.ExternalExpert.Id, DemoUsers.ExternalExpert.DisplayName, External: true));

        var asked = (await MailsAbout(id)).Where(m => m.Headers["X-Fachwerk-Notification"] == nameof(NotificationKind.ReviewRequested)).ShouldHaveSingleItem();
        asked.To.Mailboxes.Single().Address.ShouldBe(DemoUsers.ExternalExpert.Email);
        asked.TextBody.ShouldNotBeNull().ShouldContain($"http://localhost:5080/applications/{id}#reviews-heading");
    }

    [Fact]
    public async Task A_notification_is_mailed_once_when_its_message_is_delivered_again_or_the_subscription_replays_history()
    {
        var id = await Submitted(await LaunchProgramme());
        await Act(Caseworker, id, "document-requests", new RequestDocuments(2, ["Satzung"]));
        var mails = await MailsAbout(id);
        var notifications = await NotificationsAbout(id);

        // The same message again (a redelivery), handled to the end.
        foreach (var notification in notifications)
            await Host.InvokeMessageAndWaitAsync(new SendNotificationMail(notification.Id));
        // The history again through the subscription (a rewind, as after restoring its progress), from before this application's
        // first event: the other tests' events on the shared store stay out of it.
        // Waited for by the subscription's own progress (a catch-up of all shards can meet the rewound agent while it restarts), and
        // with every message the subscription publishes handled to the end.
        IReadOnlyList<JasperFx.Events.IEvent> stream;
        await using (var session = Store.QuerySession())
            stream = await session.Events.FetchStreamAsync(id, token: TestContext.Current.CancellationToken);
        await Host.ExecuteAndWaitAsync(async () =>
        {
            await Daemon.RewindSubscriptionAsync(NotificationSubscription.Name, TestContext.Current.CancellationToken, sequenceFloor: stream.Min(e => e.Sequence) - 1);
            await Daemon.Tracker.WaitForShardState(NotificationSubscription.Name + ":All", stream.Max(e => e.Sequence), TimeSpan.FromSeconds(60));
        }, 90_000);

        (await NotificationsAbout(id)).Select(n => n.Id).ShouldBe(notifications.Select(n => n.Id), ignoreOrder: true);
        ReceivedAbout(id).Count.ShouldBe(mails.Count);
    }

    [Fact]
    public async Task A_mail_goes_to_the_recipient_its_notification_names_whichever_recipient_its_message_names()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var recipient = $"mail-recipient-{suffix}";
        var other = $"mail-other-{suffix}";
        var named = MailHosts.ForApplicant($"named-{suffix}", Clock) with { Recipient = recipient };
        var misnamed = MailHosts.ForApplicant($"misnamed-{suffix}", Clock) with { Recipient = recipient };
        await MailHosts.StoreAsync(Host, recipient, "applicant", named, misnamed);
        await MailHosts.StoreAsync(Host, other, "applicant");

        // The message names the recipient (read in one batch with the notification) or, wrongly, someone else.
        await Host.InvokeMessageAndWaitAsync(new SendNotificationMail(named.Id, recipient));
        await Host.InvokeMessageAndWaitAsync(new SendNotificationMail(misnamed.Id, other));

        foreach (var notification in new[] { named, misnamed })
        {
            ReceivedAbout(notification.ApplicationId).ShouldHaveSingleItem().To.Mailboxes.Single().Address.ShouldBe($"{recipient}@demo.fachwerk.invalid");
            await using var session = Store.QuerySession();
            (await session.LoadAsync<Notification>(notification.Id, TestContext.Current.CancellationToken)).ShouldNotBeNull().SentAt.ShouldNotBeNull();
        }
        Smtp.Received.ShouldNotContain(m => m.To.Mailboxes.Single().Address == $"{other}@demo.fachwerk.invalid");
    }

    [Fact]
    public async Task Mails_sent_in_one_message_go_out_once_each_and_one_the_server_refuses_is_tried_again_on_its_own()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        string[] people = [$"batch-first-{suffix}", $"batch-refused-{suffix}", $"batch-last-{suffix}"];
        var notifications = people.Select(p => MailHosts.ForApplicant($"batch-{p}", Clock) with { Recipient = p }).ToList();
        var unknown = MailHosts.ForApplicant($"batch-unknown-{suffix}", Clock) with { Recipient = $"batch-unknown-{suffix}" };
        for (var i = 0; i < people.Length; i++) await MailHosts.StoreAsync(Host, people[i], "applicant", notifications[i]);
        await MailHosts.StoreAsync(Host, $"batch-other-{suffix}", "applicant", unknown);
        var refusedBefore = Smtp.Refused;
        Smtp.RefuseMailTo($"{people[1]}@demo.fachwerk.invalid", 2);
        var batch = new SendNotificationMails([.. notifications.Append(unknown).Select(n => new SendNotificationMail(n.Id, n.Recipient))]);

        await MailHosts.PublishAsync(Host, batch);

        // The first went out with the batch; the refused one and the one after it were handed on, each on its own, and went out
        // once the server took them. None twice; the recipient without a profile is recorded as not mailed.
        foreach (var notification in notifications) await MailHosts.SentAsync(Host, notification.Id);
        (Smtp.Refused - refusedBefore).ShouldBe(2);
        foreach (var notification in notifications)
            ReceivedAbout(notification.ApplicationId).ShouldHaveSingleItem().To.Mailboxes.Single().Address.ShouldBe($"{notification.Recipient}@demo.fachwerk.invalid");
        (await MailHosts.LoadAsync(Host, unknown.Id)).NotMailedBecause.ShouldBe("no address known");

        // The same message again (a redelivery, a replay) sends nothing.
        await Host.InvokeMessageAndWaitAsync(batch);
        foreach (var notification in notifications) ReceivedAbout(notification.ApplicationId).Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_mails_of_one_page_of_events_are_sent_in_one_message()
    {
        var programme = await LaunchProgramme();
        Guid[] ids = [await Submitted(programme), await Submitted(programme)];
        await MailsAbout(ids[0]);
        await MailsAbout(ids[1]);
        // The two submissions again, as a page the subscription has not seen (new versions give the notifications new causes).
        var events = new List<IEvent>();
        await using (var query = Store.QuerySession())
        {
            foreach (var id in ids)
            {
                var submitted = (await query.Events.FetchStreamAsync(id, token: TestContext.Current.CancellationToken)).Single(e => e.Data is ApplicationSubmitted);
                events.Add(new Event<ApplicationSubmitted>((ApplicationSubmitted)submitted.Data) { StreamId = id, Version = 1_000 + events.Count, Timestamp = submitted.Timestamp });
            }
        }
        var bus = new TestMessageContext();

        await using (var session = Store.LightweightSession())
        {
            var subscription = ActivatorUtilities.CreateInstance<NotificationSubscription>(Host.Services);
            await subscription.ProcessEventsAsync(new EventRange(new ShardName(NotificationSubscription.Name), 0) { Events = events }, null!, session, bus,
                TestContext.Current.CancellationToken);
        }

        // Both submissions tell the team's caseworkers: every mail of the page in one message, none on its own.
        // (The test context can keep a published message as its envelope.)
        var published = bus.Published.Select(m => m is Envelope e ? e.Message : m).ToList();
        published.OfType<SendNotificationMail>().ShouldBeEmpty();
        var mails = published.OfType<SendNotificationMails>().ShouldHaveSingleItem().Mails;
        var recorded = ids.Select(id => NotificationId.Of(NotificationId.OfEvent(id, 1_000 + Array.IndexOf(ids, id)), NotificationKind.NewSubmission, Caseworker.Id));
        mails.Select(m => m.NotificationId).ShouldBe(recorded, ignoreOrder: true);
    }

    [Fact]
    public async Task A_page_of_events_reads_its_audiences_once_and_leaves_out_a_person_whose_binding_an_administrator_revoked()
    {
        var programme = await LaunchProgramme();
        Guid[] ids = [await Submitted(programme), await Submitted(programme), await Submitted(programme)];
        foreach (var id in ids) await Act(Caseworker, id, "document-requests", new RequestDocuments(2, ["Satzung"]));
        foreach (var id in ids) (await MailsAbout(id)).ShouldContain(m => m.To.Mailboxes.Single().Address == Applicant.Email);
        // Anna leaves the organisation: her profile still names it (her last request did), her person says it is revoked.
        await Post(DemoUsers.Administrator, "/api/admin/people/binding-revocations",
            new Fachwerk.Application.People.RevokeBinding(0, Applicant.Id, Fachwerk.Domain.People.BindingKind.Organisation, ApplicantId, "Hat den Träger verlassen"));
        // The submissions and requests again, as one page the subscription has not seen (new versions give them new causes).
        var events = new List<IEvent>();
        await using (var query = Store.QuerySession())
        {
            foreach (var id in ids)
            foreach (var e in (await query.Events.FetchStreamAsync(id, token: TestContext.Current.CancellationToken)).Where(e => e.Data is ApplicationSubmitted or DocumentsRequested))
            {
                var again = e.WithData(e.Data);
                again.Version = 1_000 + events.Count;
                events.Add(again);
            }
        }
        var bus = new TestMessageContext();
        var roundTrips = new RoundTripCounter();

        await using (var session = Store.LightweightSession())
        {
            session.Logger = roundTrips;
            var subscription = ActivatorUtilities.CreateInstance<NotificationSubscription>(Host.Services);
            await subscription.ProcessEventsAsync(new EventRange(new ShardName(NotificationSubscription.Name), 0) { Events = events }, null!, session, bus,
                TestContext.Current.CancellationToken);
        }

        // Six events, three round trips: the summaries; every audience's profiles; their people, the notifications recorded
        // already and the preferences (issue 25). One event at a time took two or three each.
        roundTrips.Count.ShouldBe(3);
        var published = bus.Published.Select(m => m is Envelope e ? e.Message : m).ToList();
        var mails = published.OfType<SendNotificationMails>().ShouldHaveSingleItem().Mails;
        mails.ShouldAllBe(m => m.Recipient == Caseworker.Id);
        mails.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Rebuilding_the_read_models_mails_nothing()
    {
        var id = await Submitted(await LaunchProgramme());
        await Act(Caseworker, id, "document-requests", new RequestDocuments(2, ["Satzung"]));
        var mails = await MailsAbout(id);

        await Daemon.RebuildProjectionAsync("ApplicationSummary", TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        await Daemon.RebuildProjectionAsync("ApplicationDetails", TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        await CatchUpProjections();

        (await NotificationsAbout(id)).ShouldAllBe(n => n.SentAt != null);
        ReceivedAbout(id).Count.ShouldBe(mails.Count);
    }

    [Fact]
    public async Task A_server_that_refuses_is_tried_again_until_it_takes_the_mail()
    {
        var id = await Submitted(await LaunchProgramme());
        await MailsAbout(id);
        var refusedBefore = Smtp.Refused;
        Smtp.RefuseNext(2);

        await Act(Caseworker, id, "document-requests", new RequestDocuments(2, ["Satzung"]));
        var mails = await MailsAbout(id);

        (Smtp.Refused - refusedBefore).ShouldBe(2);
        mails.Where(m => m.Headers["X-Fachwerk-Notification"] == nameof(NotificationKind.DocumentsRequested)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Documents_still_missing_are_reminded_seven_days_before_and_on_the_day_and_not_once_supplied()
    {
        var id = await Submitted(await LaunchProgramme());
        await Act(Caseworker, id, "document-requests", new RequestDocuments(2, ["Satzung"]));
        var tracked = await Host.ExecuteAndWaitAsync(CatchUpProjections, 30_000);
        var due = (await Details(id)).DocumentRequests.Single().DueBy;

        var reminders = tracked.Scheduled.MessagesOf<DeadlineReminderDue>().ToList();
        reminders.Select(r => r.DaysBefore).ShouldBe([7, 0], ignoreOrder: true);
        tracked.Scheduled.Envelopes().Where(e => e.Message is DeadlineReminderDue { DaysBefore: 7 }).ShouldHaveSingleItem()
            .ScheduledTime.ShouldBe(new DateTimeOffset(2026, 3, 9, 0, 0, 0, TimeSpan.FromHours(1)));

        Clock.Advance(TimeSpan.FromDays(7));
        await Host.InvokeMessageAndWaitAsync(reminders.Single(r => r.DaysBefore == 7));
        var reminded = (await MailsAbout(id)).Where(m => m.Headers["X-Fachwerk-Notification"] == nameof(NotificationKind.DocumentsDueReminder)).ShouldHaveSingleItem();
        reminded.Subject.ShouldStartWith("Erinnerung: Unterlagen fällig in 7 Tagen, am 16.03.2026");
        reminded.TextBody.ShouldNotBeNull().ShouldContain("Satzung");

        // Delivered again, the same reminder says nothing new.
        await Host.InvokeMessageAndWaitAsync(reminders.Single(r => r.DaysBefore == 7));
        ReceivedAbout(id).Count(m => m.Headers["X-Fachwerk-Notification"] == nameof(NotificationKind.DocumentsDueReminder)).ShouldBe(1);

        await Act(Applicant, id, "document-supplies", new SupplyDocuments(3, ["dms://satzung"]));
        Clock.Advance(due - Clock.GetUtcNow() - TimeSpan.FromHours(1));
        await Host.InvokeMessageAndWaitAsync(reminders.Single(r => r.DaysBefore == 0));
        (await MailsAbout(id)).Count(m => m.Headers["X-Fachwerk-Notification"] == nameof(NotificationKind.DocumentsDueReminder)).ShouldBe(1);
    }

    [Fact]
    public async Task A_reminder_delivered_twice_at_the_same_moment_mails_once()
    {
        var id = await Submitted(await LaunchProgramme());
        await Act(Caseworker, id, "document-requests", new RequestDocuments(2, ["Satzung"]));
        var tracked = await Host.ExecuteAndWaitAsync(CatchUpProjections, 30_000);
        var reminder = tracked.Scheduled.MessagesOf<DeadlineReminderDue>().Single(r => r.DaysBefore == 7);
        Clock.Advance(TimeSpan.FromDays(7));

        // Two nodes, or a timer and its redelivery, running the same reminder at once: one records it, the other finds it.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var scope = Host.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<Wolverine.IMessageBus>().InvokeAsync(reminder, TestContext.Current.CancellationToken);
        }));

        (await MailsAbout(id)).Count(m => m.Headers["X-Fachwerk-Notification"] == nameof(NotificationKind.DocumentsDueReminder)).ShouldBe(1);
        await using var session = Store.QuerySession();
        (await session.Query<Notification>().Where(n => n.ApplicationId == id && n.Kind == NotificationKind.DocumentsDueReminder)
            .CountAsync(TestContext.Current.CancellationToken)).ShouldBe(1);
    }

    [Fact]
    public async Task The_bell_lists_the_callers_notifications_with_the_mails_texts_and_marks_them_read_and_turned_off_kinds_are_not_mailed()
    {
        var turnedOff = await Send(Applicant, HttpMethod.Put, "/api/people/me/notification-preferences",
            new ChangeNotificationPreferences(new Dictionary<NotificationKind, Delivery> { [NotificationKind.DocumentsRequested] = Delivery.Off }));
        (await Read<NotificationPreferencesView>(turnedOff)).Kinds.Single(k => k.Kind == NotificationKind.DocumentsRequested).Delivery.ShouldBe(Delivery.Off);
        var refused = await ValidationProblemOf(await Send(Applicant, HttpMethod.Put, "/api/people/me/notification-preferences",
            new ChangeNotificationPreferences(new Dictionary<NotificationKind, Delivery> { [NotificationKind.DecisionMade] = Delivery.Off }), 400));
        refused.Errors.Values.SelectMany(e => e).ShouldContain(e => e.Contains("law requires"));

        var id = await Submitted(await LaunchProgramme());
        await Act(Caseworker, id, "document-requests", new RequestDocuments(2, ["Satzung"]));
        (await MailsAbout(id)).ShouldNotContain(m => m.To.Mailboxes.Single().Address == Applicant.Email);

        var bell = await Get<NotificationList>(Applicant, "/api/people/me/notifications");
        bell.Unread.ShouldBe(1);
        var entry = bell.Items.ShouldHaveSingleItem();
        entry.Subject.ShouldStartWith("Unterlagen nachreichen bis 16.03.2026");
        entry.Text.ShouldContain("Satzung");
        entry.Mailed.ShouldBeFalse();
        (await Get<NotificationList>(Caseworker, "/api/people/me/notifications")).Items.ShouldNotContain(n => n.Id == entry.Id);

        await Post(Caseworker, $"/api/people/me/notifications/{entry.Id}/read", null, 404);
        await Post(Applicant, $"/api/people/me/notifications/{entry.Id}/read", null, 204);
        var read = await Get<NotificationList>(Applicant, "/api/people/me/notifications");
        read.Unread.ShouldBe(0);
        read.Items.Single().ReadAt.ShouldBe(Clock.GetUtcNow());
    }

    /// <summary>Counts a session's round trips: each statement or batch Marten sends.</summary>
    private sealed class RoundTripCounter : IMartenSessionLogger
    {
        public int Count { get; private set; }

        public void OnBeforeExecute(Npgsql.NpgsqlCommand command) => Count++;

        public void OnBeforeExecute(Npgsql.NpgsqlBatch batch) => Count++;

        public void LogSuccess(Npgsql.NpgsqlCommand command) { }

        public void LogSuccess(Npgsql.NpgsqlBatch batch) { }

        public void LogFailure(Npgsql.NpgsqlCommand command, Exception ex) { }

        public void LogFailure(Npgsql.NpgsqlBatch batch, Exception ex) { }

        public void LogFailure(Exception ex, string message) { }

        public void RecordSavedChanges(IDocumentSession session, Marten.Services.IChangeSet commit) { }
    }
}
