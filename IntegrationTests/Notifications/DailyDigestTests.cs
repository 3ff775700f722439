using Fachwerk.Application.Applications;
using Fachwerk.Application.Notifications;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Wolverine;
using Wolverine.Tracking;

namespace Fachwerk.IntegrationTests.Notifications;

/// <summary>
/// A user who prefers the daily digest for a kind gets one mail each morning with those notifications instead of single mails, once
/// per day however often its message arrives, and none when nothing waits; legally required notices are always mailed at once.
/// The morning comes by the fake clock.
/// </summary>
public class DailyDigestTests(AppFixture fixture) : NotificationsApi(fixture)
{
    private static readonly DateOnly Tuesday = new(2026, 3, 3);

    [Fact]
    public async Task A_caseworker_who_prefers_the_digest_gets_one_mail_the_next_morning_instead_of_single_mails()
    {
        await Prefer(Caseworker, NotificationKind.NewSubmission, Delivery.Digest);
        var programme = await LaunchProgramme();

        var first = await Submitted(programme);
        var scheduled = await Host.ExecuteAndWaitAsync(CatchUpProjections, 30_000);
        var due = scheduled.Scheduled.MessagesOf<DailyDigestDue>().ShouldHaveSingleItem();
        due.ShouldBe(new DailyDigestDue(Caseworker.Id, Tuesday));
        scheduled.Scheduled.Envelopes().Single(e => e.Message is DailyDigestDue).ScheduledTime
            .ShouldBe(new DateTimeOffset(2026, 3, 3, 7, 0, 0, TimeSpan.FromHours(1)));
        var second = await Submitted(programme, Plan(title: "Rückkehrertage Hameln"));
        // The digest of that morning is scheduled already: the second notice joins it.
        (await Host.ExecuteAndWaitAsync(CatchUpProjections, 30_000)).Scheduled.MessagesOf<DailyDigestDue>().ShouldBeEmpty();

        Of(await MailsAbout(first), NotificationKind.NewSubmission, Caseworker).ShouldBeEmpty();
        Of(await MailsAbout(second), NotificationKind.NewSubmission, Caseworker).ShouldBeEmpty();

        // Delivered before its morning (as the outbox does with a fake clock behind the real one), it does nothing.
        await Host.InvokeMessageAndWaitAsync(due);
        (await DigestsTo(Caseworker)).ShouldBeEmpty();

        Clock.Advance(due.At - Clock.GetUtcNow());
        await Host.InvokeMessageAndWaitAsync(due);
        var digest = (await DigestsTo(Caseworker)).ShouldHaveSingleItem();
        digest.Subject.ShouldBe("Ihre tägliche Übersicht vom 03.03.2026: 2 Benachrichtigungen");
        digest.Body.ShouldNotBeNull().Headers[HeaderId.ContentLanguage].ShouldBe("de");
        var text = digest.TextBody.ShouldNotBeNull();
        text.ShouldContain($"http://localhost:5080/applications/{first}");
        text.ShouldContain($"http://localhost:5080/applications/{second}");
        text.ShouldContain("Neuer Antrag in Ihrer Warteschlange");
        text.ShouldContain("http://localhost:5080/notifications");
        digest.HtmlBody.ShouldNotBeNull().ShouldContain($"<a href=\"http://localhost:5080/applications/{second}\">");

        // Delivered again, or twice at once, the same morning's digest is not mailed again.
        await Host.InvokeMessageAndWaitAsync(due);
        using (var scope = Host.Services.CreateScope())
        {
            var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
            await Task.WhenAll(bus.InvokeAsync(due, TestContext.Current.CancellationToken), bus.InvokeAsync(due, TestContext.Current.CancellationToken));
        }
        await MailWaits.SettledAsync(Store, n => n.Recipient == Caseworker.Id);
        (await DigestsTo(Caseworker)).ShouldHaveSingleItem();

        // The bell shows the notices one by one, mailed with the digest; the digest itself is a mail only.
        var bell = await Get<NotificationList>(Caseworker, "/api/people/me/notifications");
        bell.Items.Where(n => n.Kind == NotificationKind.NewSubmission).Select(n => n.ApplicationId).ShouldBe([first, second], ignoreOrder: true);
        bell.Items.ShouldAllBe(n => n.Mailed && n.Kind != NotificationKind.DailyDigest);
    }

    [Fact]
    public async Task A_digest_with_nothing_waiting_sends_nothing_and_other_people_and_kinds_are_mailed_at_once()
    {
        await SignedIn(DemoUsers.SecondCaseworker);
        await Prefer(Caseworker, NotificationKind.NewSubmission, Delivery.Digest);
        var id = await Submitted(await LaunchProgramme());
        await Act(Caseworker, id, "document-requests", new RequestDocuments(2, ["Satzung"]));
        await Act(Applicant, id, "document-supplies", new SupplyDocuments(3, ["dms://satzung"]));

        var mails = await MailsAbout(id);
        Of(mails, NotificationKind.NewSubmission, DemoUsers.SecondCaseworker).ShouldHaveSingleItem();
        Of(mails, NotificationKind.DocumentsSupplied, Caseworker).ShouldHaveSingleItem();
        Of(mails, NotificationKind.NewSubmission, Caseworker).ShouldBeEmpty();

        // The second caseworker's morning: nothing waits for a digest of hers.
        Clock.Advance(DailyDigest.At(Tuesday) - Clock.GetUtcNow());
        await Host.InvokeMessageAndWaitAsync(new DailyDigestDue(DemoUsers.SecondCaseworker.Id, Tuesday));
        (await DigestsTo(DemoUsers.SecondCaseworker)).ShouldBeEmpty();
        await using var session = Store.QuerySession();
        (await session.Query<Notification>().CountAsync(n => n.Kind == NotificationKind.DailyDigest, TestContext.Current.CancellationToken)).ShouldBe(0);
    }

    [Fact]
    public async Task Decisions_and_reclaims_cannot_go_into_the_digest_and_an_English_user_gets_an_English_digest()
    {
        var refused = await ValidationProblemOf(await Send(Applicant, HttpMethod.Put, "/api/people/me/notification-preferences",
            new ChangeNotificationPreferences(new Dictionary<NotificationKind, Delivery> { [NotificationKind.ReclaimDemanded] = Delivery.Digest }), 400));
        refused.Errors.Values.SelectMany(e => e).ShouldContain(e => e.Contains("always mailed at once"));
        (await ValidationProblemOf(await Send(Applicant, HttpMethod.Put, "/api/people/me/notification-preferences",
            new ChangeNotificationPreferences(new Dictionary<NotificationKind, Delivery> { [NotificationKind.DailyDigest] = Delivery.Digest }), 400)))
            .Errors.Values.SelectMany(e => e).ShouldContain(e => e.Contains("no kind to choose"));

        Locales[Applicant] = "en-GB";
        await Prefer(Applicant, NotificationKind.DocumentsRequested, Delivery.Digest);
        var (id, _) = await Approved(await LaunchProgramme(rules: Rules(voteRequired: false)));
        Of(await MailsAbout(id), NotificationKind.DecisionMade, Applicant).ShouldHaveSingleItem();

        var other = await Submitted(await LaunchProgramme());
        await Act(Caseworker, other, "document-requests", new RequestDocuments(2, ["Articles of association"]));
        Of(await MailsAbout(other), NotificationKind.DocumentsRequested, Applicant).ShouldBeEmpty();
        Clock.Advance(DailyDigest.At(Tuesday) - Clock.GetUtcNow());
        await Host.InvokeMessageAndWaitAsync(new DailyDigestDue(Applicant.Id, Tuesday));
        var digest = (await DigestsTo(Applicant)).ShouldHaveSingleItem();
        digest.Subject.ShouldBe("Your daily digest of 03/03/2026: 1 notification");
        digest.TextBody.ShouldNotBeNull().ShouldContain("Documents requested by 16/03/2026");
    }

    private async Task Prefer(DemoUser user, NotificationKind kind, Delivery delivery) =>
        (await Read<NotificationPreferencesView>(await Send(user, HttpMethod.Put, "/api/people/me/notification-preferences",
            new ChangeNotificationPreferences(new Dictionary<NotificationKind, Delivery> { [kind] = delivery }))))
        .Kinds.Single(k => k.Kind == kind).Delivery.ShouldBe(delivery);

    private async Task<IReadOnlyList<MimeMessage>> DigestsTo(DemoUser user)
    {
        await MailWaits.SettledAsync(Store, n => n.Recipient == user.Id && n.Kind == NotificationKind.DailyDigest);
        return [.. ReceivedInThisTest.Where(m => m.Headers["X-Fachwerk-Notification"] == nameof(NotificationKind.DailyDigest) && m.To.Mailboxes.Single().Address == user.Email)];
    }
}
