using Alba;
using Fachwerk.Application.Notifications;
using Fachwerk.IntegrationTests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Tracking;

namespace Fachwerk.IntegrationTests.Notifications;

/// <summary>
/// A host that stops while its mail server has not yet answered leaves the mail in its durable queue; the host that starts next
/// sends it, once (ADR 0091).
/// </summary>
public class MailRestartTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task A_mail_the_server_never_answered_before_the_host_stopped_is_sent_once_by_the_next_host()
    {
        var connectionString = await NewDatabaseAsync("mail_restart");
        await using var smtp = TestSmtpServer.Start();
        var notification = new Notification
        {
            Id = NotificationId.Of("restart-test", NotificationKind.DocumentsRequested, "anna.antrag"), Recipient = "anna.antrag",
            Kind = NotificationKind.DocumentsRequested, ApplicationId = Guid.NewGuid(), Subject = "Unterlagen nachreichen", Text = "Bitte.",
            Html = "<p>Bitte.</p>", Link = "http://localhost:5080/", CreatedAt = Clock.GetUtcNow(),
        };

        smtp.Hold();
        await using (var first = await StartAsync(connectionString, smtp))
        {
            await using (var session = first.Services.GetRequiredService<IDocumentStore>().LightweightSession())
            {
                session.Store(new UserProfile { Id = "anna.antrag", Email = "anna.antrag@demo.fachwerk.invalid", Roles = ["applicant"] });
                session.Store(notification);
                await session.SaveChangesAsync(TestContext.Current.CancellationToken);
            }
            using (var scope = first.Services.CreateScope())
                await scope.ServiceProvider.GetRequiredService<IMessageBus>().PublishAsync(new SendNotificationMail(notification.Id));
            await smtp.Holding.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            await first.StopAsync(TestContext.Current.CancellationToken);
        }
        // The server never answered the stopped host: nothing was accepted.
        smtp.Release(accept: false);
        smtp.Received.ShouldBeEmpty();

        await using var second = await StartAsync(connectionString, smtp);
        var sent = await SentAsync(second, notification.Id);

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

        smtp.Hold();
        await using (var first = await StartAsync(connectionString, smtp))
        {
            await using (var session = first.Services.GetRequiredService<IDocumentStore>().LightweightSession())
            {
                session.Store(new UserProfile { Id = "sabine.sachbearbeitung", Email = "sabine.sachbearbeitung@demo.fachwerk.invalid", Roles = ["caseworker"] });
                session.Store(parts);
                await session.SaveChangesAsync(TestContext.Current.CancellationToken);
            }
            using (var scope = first.Services.CreateScope())
                await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(due, TestContext.Current.CancellationToken);
            await smtp.Holding.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            await first.StopAsync(TestContext.Current.CancellationToken);
        }
        smtp.Release(accept: false);
        smtp.Received.ShouldBeEmpty();

        await using var second = await StartAsync(connectionString, smtp);
        var digestId = NotificationId.Of($"digest/{day:yyyy-MM-dd}", NotificationKind.DailyDigest, "sabine.sachbearbeitung");
        await SentAsync(second, digestId);
        // The morning's message again on the new host: the digest exists, nothing is made or sent again.
        await second.InvokeMessageAndWaitAsync(due);

        var mail = smtp.Received.ShouldHaveSingleItem();
        mail.MessageId.ShouldBe($"{digestId:D}@fachwerk");
        mail.TextBody.ShouldNotBeNull().ShouldContain("Neuer Antrag one");
        mail.TextBody.ShouldNotBeNull().ShouldContain("Neuer Antrag two");
        foreach (var part in parts) (await SentAsync(second, part.Id)).DigestId.ShouldBe(digestId);
    }

    private Task<IAlbaHost> StartAsync(string connectionString, TestSmtpServer smtp) =>
        AlbaHost.For<Program>(builder =>
        {
            TestHost.Configure(builder, connectionString, Clock);
            TestHost.MailTo(builder, smtp);
        });

    private static async Task<Notification> SentAsync(IAlbaHost host, Guid id)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        while (true)
        {
            await using (var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession())
            {
                if (await session.LoadAsync<Notification>(id, timeout.Token) is { SentAt: not null } sent) return sent;
            }
            await Task.Delay(100, timeout.Token);
        }
    }
}
