using Fachwerk.Application.Notifications;
using Fachwerk.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Tracking;

namespace Fachwerk.IntegrationTests.Notifications;

/// <summary>
/// A host that stops while its mail server has not yet answered leaves the mail in its durable queue; the host that starts next
/// sends it, once (ADR 0091), a single notification's as a digest's (ADR 0097).
/// </summary>
public class MailRestartTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task A_mail_the_server_never_answered_before_the_host_stopped_is_sent_once_by_the_next_host()
    {
        var connectionString = await NewDatabaseAsync("mail_restart");
        await using var smtp = TestSmtpServer.Start();
        var notification = MailHosts.ForApplicant("restart-test", Clock);

        await StopWhileTheServerHoldsTheMailAsync(connectionString, smtp, "anna.antrag", "applicant", [notification],
            first => MailHosts.PublishAsync(first, new SendNotificationMail(notification.Id)));

        await using var second = await MailHosts.StartAsync(connectionString, smtp, Clock);
        var sent = await MailHosts.SentAsync(second, notification.Id);

        sent.SentAt.ShouldNotBeNull();
        smtp.Received.ShouldHaveSingleItem().MessageId.ShouldBe($"{notification.Id:D}@fachwerk");
    }

    [Fact]
    public async Task A_digest_whose_mail_was_unanswered_when_the_host_stopped_is_sent_once_by_the_next_host_and_not_made_again()
    {
        var connectionString = await NewDatabaseAsync("digest_restart");
        await using var smtp = TestSmtpServer.Start();
        var day = DailyDigest.DayFor(Clock.GetUtcNow());
        Notification Part(string cause) => new()
        {
            Id = NotificationId.Of(cause, NotificationKind.NewSubmission, "sabine.sachbearbeitung"), Recipient = "sabine.sachbearbeitung",
            Kind = NotificationKind.NewSubmission, ApplicationId = Guid.NewGuid(), Subject = $"Neuer Antrag {cause}", Text = "Bitte prüfen.",
            Html = "<p>Bitte prüfen.</p>", Link = "http://localhost:5080/", CreatedAt = Clock.GetUtcNow(), Delivery = Delivery.Digest, DigestOn = day,
        };
        var parts = new[] { Part("one"), Part("two") };
        var due = new DailyDigestDue("sabine.sachbearbeitung", day);
        Clock.Advance(due.At - Clock.GetUtcNow());

        await StopWhileTheServerHoldsTheMailAsync(connectionString, smtp, "sabine.sachbearbeitung", "caseworker", parts, async first =>
        {
            using var scope = first.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(due, TestContext.Current.CancellationToken);
        });

        await using var second = await MailHosts.StartAsync(connectionString, smtp, Clock);
        var digestId = NotificationId.Of($"digest/{day:yyyy-MM-dd}", NotificationKind.DailyDigest, "sabine.sachbearbeitung");
        await MailHosts.SentAsync(second, digestId);
        // The morning's message again on the new host: the digest exists, nothing is made or sent again.
        await second.InvokeMessageAndWaitAsync(due);

        var mail = smtp.Received.ShouldHaveSingleItem();
        mail.MessageId.ShouldBe($"{digestId:D}@fachwerk");
        mail.TextBody.ShouldNotBeNull().ShouldContain("Neuer Antrag one");
        mail.TextBody.ShouldNotBeNull().ShouldContain("Neuer Antrag two");
        foreach (var part in parts) (await MailHosts.SentAsync(second, part.Id)).DigestId.ShouldBe(digestId);
    }

    /// <summary>A first host stores the documents and starts a mail, which the server holds unanswered until the host has stopped.</summary>
    private async Task StopWhileTheServerHoldsTheMailAsync(
        string connectionString, TestSmtpServer smtp, string user, string role, object[] documents, Func<Alba.IAlbaHost, Task> startMail)
    {
        smtp.Hold();
        await using (var first = await MailHosts.StartAsync(connectionString, smtp, Clock))
        {
            await MailHosts.StoreAsync(first, user, role, documents);
            await startMail(first);
            await smtp.Holding.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            await first.StopAsync(TestContext.Current.CancellationToken);
        }
        // The server never answered the stopped host: nothing was accepted.
        smtp.Release(accept: false);
        smtp.Received.ShouldBeEmpty();
    }
}
