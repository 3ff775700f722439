using Fachwerk.Application.Notifications;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Applications;
using Fachwerk.IntegrationTests.Infrastructure;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Fachwerk.IntegrationTests.Notifications;

/// <summary>
/// Cases taken through the API, and what the SMTP server inside the test process received about them: the notification tests
/// read the mails, never the code that writes them.
/// </summary>
public abstract class NotificationsApi(AppFixture fixture) : FundingApi(fixture)
{
    private readonly TestSmtpServer _smtp = fixture.Smtp;

    private int _receivedBefore;

    protected TestSmtpServer Smtp => _smtp;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _receivedBefore = _smtp.Received.Count;
    }

    /// <summary>The mails the server accepted since this test began (the server serves the whole run; ids repeat across tests).</summary>
    protected IReadOnlyList<MimeMessage> ReceivedInThisTest => [.. _smtp.Received.Skip(_receivedBefore)];

    /// <summary>The locale the tokens of each demo user name in this test (German unless the test sets one).</summary>
    protected Dictionary<DemoUser, string> Locales { get; } = [];

    protected override string? LocaleOf(DemoUser user) => Locales.GetValueOrDefault(user);

    /// <summary>The host's own daemon (a second one on the same database would share, and on disposal break, its progress tracking).</summary>
    protected IProjectionDaemon Daemon => Host.Services.GetRequiredService<Marten.Events.Daemon.Coordination.IProjectionCoordinator>().DaemonForMainDatabase();

    /// <summary>Makes Fachwerk know the user (a profile from the claims of a request), as anyone who signed in before.</summary>
    protected Task SignedIn(DemoUser user) => Get<System.Text.Json.JsonElement>(user, "/api/people/me");

    /// <summary>
    /// Lets the subscription read every event so far, waits until each notification about the application is mailed (or will not
    /// be), and answers the mails the server received about it.
    /// </summary>
    protected async Task<IReadOnlyList<MimeMessage>> MailsAbout(Guid id)
    {
        await CatchUpProjections();
        await MailWaits.SettledAsync(Store, n => n.ApplicationId == id);
        return ReceivedAbout(id);
    }

    protected IReadOnlyList<MimeMessage> ReceivedAbout(Guid id) =>
        [.. Smtp.Received.Where(m => m.Headers["X-Fachwerk-Application"] == id.ToString())];

    /// <summary>The mails of one kind the server received for <paramref name="user"/>, among <paramref name="mails"/>.</summary>
    protected static IReadOnlyList<MimeMessage> Of(IEnumerable<MimeMessage> mails, NotificationKind kind, DemoUser user) =>
        [.. mails.Where(m => m.Headers["X-Fachwerk-Notification"] == kind.ToString() && m.To.Mailboxes.Single().Address == user.Email)];

    protected async Task<IReadOnlyList<Notification>> NotificationsAbout(Guid id)
    {
        await using var session = Store.QuerySession();
        return await session.Query<Notification>().Where(n => n.ApplicationId == id).ToListAsync();
    }
}
