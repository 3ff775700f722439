using Alba;
using Fachwerk.Application.Notifications;
using Fachwerk.IntegrationTests.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Fachwerk.IntegrationTests.Notifications;

/// <summary>Hosts of their own for the mail tests that stop a host or change its settings: started, given documents and messages, and waited for.</summary>
public static class MailHosts
{
    /// <summary>A host on <paramref name="connectionString"/> that mails to <paramref name="smtp"/>, with any further settings.</summary>
    public static Task<IAlbaHost> StartAsync(string connectionString, TestSmtpServer smtp, TimeProvider clock, Action<IWebHostBuilder>? settings = null) =>
        AlbaHost.For<Program>(builder =>
        {
            TestHost.Configure(builder, connectionString, clock);
            TestHost.MailTo(builder, smtp);
            settings?.Invoke(builder);
        });

    /// <summary>A notification for the demo applicant, not yet mailed.</summary>
    public static Notification ForApplicant(string cause, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return new Notification
        {
            Id = NotificationId.Of(cause, NotificationKind.DocumentsRequested, "anna.antrag"), Recipient = "anna.antrag",
            Kind = NotificationKind.DocumentsRequested, ApplicationId = Guid.NewGuid(), Subject = "Unterlagen nachreichen", Text = "Bitte.",
            Html = "<p>Bitte.</p>", Link = "http://localhost:5080/", CreatedAt = clock.GetUtcNow(),
        };
    }

    /// <summary>Stores the documents, and the profile of <paramref name="user"/> with a demo address.</summary>
    public static async Task StoreAsync(IAlbaHost host, string user, string role, params object[] documents)
    {
        ArgumentNullException.ThrowIfNull(host);
        await using var session = host.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        session.Store(new UserProfile { Id = user, Email = $"{user}@demo.fachwerk.invalid", Roles = [role] });
        foreach (var document in documents) session.Store(document);
        await session.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public static async Task PublishAsync(IAlbaHost host, object message)
    {
        ArgumentNullException.ThrowIfNull(host);
        using var scope = host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().PublishAsync(message);
    }

    public static async Task<Notification> LoadAsync(IAlbaHost host, Guid id)
    {
        ArgumentNullException.ThrowIfNull(host);
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.LoadAsync<Notification>(id, TestContext.Current.CancellationToken)).ShouldNotBeNull();
    }

    /// <summary>Waits until the notification's mail went out.</summary>
    public static async Task<Notification> SentAsync(IAlbaHost host, Guid id)
    {
        ArgumentNullException.ThrowIfNull(host);
        return await Eventually.Async(async cancellation =>
        {
            await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
            return await session.LoadAsync<Notification>(id, cancellation) is { SentAt: not null } sent ? sent : null;
        }, TimeSpan.FromSeconds(90), TimeSpan.FromMilliseconds(100));
    }
}
