using Alba;
using Fachwerk.Application.Common;
using Fachwerk.Application.Notifications;
using Fachwerk.Application.Operations;
using Fachwerk.Host.Development;
using Fachwerk.Host.Development.Tokens;
using Fachwerk.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Tracking;

namespace Fachwerk.IntegrationTests.Notifications;

/// <summary>
/// A mail server that keeps refusing: the mail is tried again after growing pauses, and when the retries end it is a dead letter an
/// administrator lists through the API and replays by hand once the server takes mail again; then it is delivered once. The host of
/// this test walks a short retry schedule (<c>Notifications:Retry</c>) instead of the day the default takes.
/// </summary>
public class MailDeadLetterTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string DeadLetters = "/api/admin/dead-letters";
    private static readonly string[] Pauses = ["00:00:00.050", "00:00:00.200"];
    private static readonly string[] Delays = ["00:00:01", "00:00:02"];

    [Fact]
    public async Task A_mail_the_server_refuses_is_retried_then_dead_lettered_listed_to_an_administrator_and_replayed_once_by_hand()
    {
        var connectionString = await NewDatabaseAsync("mail_dead_letter");
        await using var smtp = TestSmtpServer.Start();
        smtp.RefuseNext(int.MaxValue);
        await using var host = await MailHosts.StartAsync(connectionString, smtp, Clock, builder =>
        {
            for (var i = 0; i < Pauses.Length; i++) builder.UseSetting($"Notifications:Retry:Pauses:{i}", Pauses[i]);
            for (var i = 0; i < Delays.Length; i++) builder.UseSetting($"Notifications:Retry:Delays:{i}", Delays[i]);
        });
        var notification = MailHosts.ForApplicant("dead-letter-test", Clock);
        await MailHosts.StoreAsync(host, "anna.antrag", "applicant", notification);

        await MailHosts.PublishAsync(host, new SendNotificationMail(notification.Id));
        var letter = await DeadLetterAsync(host);

        // Tried at once, after each pause, and after each delay: then it stays in the dead letters, unsent.
        smtp.Refused.ShouldBe(1 + Pauses.Length + Delays.Length);
        letter.ExceptionType.ShouldEndWith("SmtpCommandException");
        letter.ExceptionMessage.ShouldContain("refused by the test");
        smtp.Received.ShouldBeEmpty();
        (await MailHosts.LoadAsync(host, notification.Id)).SentAt.ShouldBeNull();
        // Only administrators see them.
        await host.Scenario(s =>
        {
            s.Get.Url(DeadLetters);
            SignIn(host, s, DemoUsers.Caseworker);
            s.StatusCodeShouldBe(403);
        });

        smtp.RefuseNext(0);
        await host.Scenario(s =>
        {
            s.Post.Url($"{DeadLetters}/{letter.Id}/replay");
            SignIn(host, s, DemoUsers.Administrator);
            s.StatusCodeShouldBe(202);
        });
        await MailHosts.SentAsync(host, notification.Id);
        smtp.Received.ShouldHaveSingleItem().MessageId.ShouldBe($"{notification.Id:D}@fachwerk");

        // The same message once more (a second replay, a redelivery) sends nothing.
        await host.InvokeMessageAndWaitAsync(new SendNotificationMail(notification.Id));
        smtp.Received.Count.ShouldBe(1);
    }

    private static void SignIn(IAlbaHost host, Scenario scenario, DemoUser user) =>
        scenario.WithRequestHeader("Authorization", "Bearer " + host.Services.GetRequiredService<DevelopmentTokenIssuer>().Mint(user));

    private static async Task<DeadLetter> DeadLetterAsync(IAlbaHost host)
    {
        var page = await Eventually.Async(async _ =>
        {
            var result = await host.Scenario(s =>
            {
                s.Get.Url($"{DeadLetters}?messageType={typeof(SendNotificationMail).FullName}");
                SignIn(host, s, DemoUsers.Administrator);
            });
            var page = System.Text.Json.JsonSerializer.Deserialize<Page<DeadLetter>>(await result.ReadAsTextAsync(), ApiJson.Options);
            return page?.Items.Count > 0 ? page : null;
        }, TimeSpan.FromSeconds(90), TimeSpan.FromMilliseconds(200));
        return page.Items.ShouldHaveSingleItem();
    }
}
