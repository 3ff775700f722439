using Fachwerk.Application.Applications;
using Fachwerk.Application.Notifications;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;
using Marten;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>The bell with the unread notifications, their list, and in Development the outgoing mail the service wrote instead of sending it.</summary>
public class NotificationPagesTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task The_applicant_sees_the_request_in_the_bell_and_its_list_marks_it_read_and_finds_the_mail_on_the_outgoing_mail_page()
    {
        var application = await SubmittedApplicationAsync("Orientierungstage Halle – Benachrichtigung");
        await CommandAsync(DemoUsers.Caseworker, $"/api/applications/{application.Id}/document-requests",
            new RequestDocuments(application.Version, ["Satzung des Trägers"]));
        var notification = await MailedAsync(application.Id, DemoUsers.Applicant.Id);

        // Other tests of this host ask the same applicant for documents too: the bell counts them all.
        var unread = (await Fixture.Api(DemoUsers.Applicant, application.Applicant.Id).GetAsync<NotificationList>("/api/people/me/notifications", cancellation: TestContext.Current.CancellationToken)).Result.Unread;
        unread.ShouldBeGreaterThan(0);

        await SignInAsync(DemoUsers.Applicant, "/notifications");
        var bell = Page.GetByRole(AriaRole.Link, new() { Name = "Benachrichtigungen" }).First;
        (await bell.InnerTextAsync()).ShouldContain(unread.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var entry = Page.Locator(".notification", new() { HasText = notification.Subject });
        (await entry.InnerTextAsync()).ShouldContain("Satzung des Trägers");
        (await entry.GetByRole(AriaRole.Link, new() { Name = "Zur Seite" }).GetAttributeAsync("href")).ShouldBe($"/applications/{application.Id}");
        await ExpectAccessibleAsync();

        await entry.GetByRole(AriaRole.Button, new() { Name = "Als gelesen markieren" }).ClickAsync();
        await Page.GetByText($"Ungelesen: {unread - 1}").WaitForAsync();
        (await entry.GetByRole(AriaRole.Button, new() { Name = "Als gelesen markieren" }).CountAsync()).ShouldBe(0);

        await Page.GotoAsync(new Uri(Fixture.Address, "/outgoing-mail").ToString());
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Ausgehende Post (Outgoing mail)" }).WaitForAsync();
        await ExpectAccessibleAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = notification.Subject }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = notification.Subject, Level = 1 }).WaitForAsync();
        (await Page.Locator(".mail-text").InnerTextAsync()).ShouldContain("Satzung des Trägers");
        (await Page.Locator("dl").InnerTextAsync()).ShouldContain(DemoUsers.Applicant.Email);
        await ExpectAccessibleAsync();

        await Page.GotoAsync(new Uri(Fixture.Address, "/notifications/preferences").ToString());
        await ExpectAccessibleAsync();
        (await Page.GetByLabel("Entscheidungen über Ihre Anträge", new() { Exact = false }).IsDisabledAsync()).ShouldBeTrue();
        await Page.GetByLabel("Angeforderte Unterlagen").SelectOptionAsync(new SelectOptionValue { Label = "Nicht per E-Mail" });
        await Page.GetByLabel("Freigegebene Auszahlungen").SelectOptionAsync(new SelectOptionValue { Label = "Tägliche Übersicht" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        await Page.GetByRole(AriaRole.Status).WaitForAsync();
        (await Page.GetByLabel("Angeforderte Unterlagen").InputValueAsync()).ShouldBe(nameof(Delivery.Off));
        (await Page.GetByLabel("Freigegebene Auszahlungen").InputValueAsync()).ShouldBe(nameof(Delivery.Digest));
        (await Page.GetByLabel("Eingereichte Unterlagen").InputValueAsync()).ShouldBe(nameof(Delivery.Immediate));
        await ExpectAccessibleAsync();
        var stored = await Fixture.Api(DemoUsers.Applicant, application.Applicant.Id)
            .GetAsync<NotificationPreferencesView>("/api/people/me/notification-preferences", cancellation: TestContext.Current.CancellationToken);
        stored.Result.Kinds.Single(k => k.Kind == NotificationKind.PaymentReleased).Delivery.ShouldBe(Delivery.Digest);
    }

    /// <summary>Waits until the subscription made the recipient's notification about the application and its mail was written.</summary>
    private async Task<Notification> MailedAsync(Guid applicationId, string recipient)
    {
        var found = await Eventually.Async(async cancellation =>
        {
            await using var session = Fixture.Store.QuerySession();
            var sent = await session.Query<Notification>()
                .Where(n => n.ApplicationId == applicationId && n.Recipient == recipient && n.SentAt != null).ToListAsync(cancellation);
            return sent.Count > 0 ? sent : null;
        }, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(100));
        return found.ShouldHaveSingleItem();
    }
}
