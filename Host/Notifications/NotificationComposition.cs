using Fachwerk.Application.Notifications;
using Fachwerk.Application.People;
using Microsoft.Extensions.Options;

namespace Fachwerk.Host.Notifications;

/// <summary>
/// Notifications (docs/notifications.md): the mail path chosen by configuration, the users' profiles kept from their requests'
/// claims. The subscription that derives notifications from events is registered with the event store (Composition).
/// </summary>
public static class NotificationComposition
{
    public static void AddFachwerkNotifications(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.Configure<NotificationOptions>(builder.Configuration.GetSection(NotificationOptions.Section));
        services.AddSingleton<UserProfiles>();
        services.AddSingleton<Application.Notifications.Notifications>();
        // An SMTP server when one is configured; else the mail folder (Development names one under .fachwerk, ADR 0090); else
        // nothing can be mailed, and each mail waits in the dead letters until a server is configured and it is replayed.
        services.AddSingleton<IMailTransport>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<NotificationOptions>>().Value;
            if (options.UsesSmtp) return new SmtpMailTransport(sp.GetRequiredService<IOptions<NotificationOptions>>());
            if (!string.IsNullOrWhiteSpace(options.MailFolder)) return new MailFolder(options.MailFolder);
            return new NoMailServer();
        });
    }

    /// <summary>After authentication: the signed-in user's profile is kept up to date from the claims (written only when they changed).</summary>
    public static void UseFachwerkNotifications(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            // A command's bindings are read in its transaction, and its profile kept there with them (ADR 0134).
            if (context.User.Identity?.IsAuthenticated == true && !RecordedBindings.IsPending(context.User))
                await context.RequestServices.GetRequiredService<UserProfiles>().RememberAsync(context.User, context.RequestAborted);
            await next(context);
        });
    }
}

/// <summary>Neither an SMTP server nor a mail folder is configured: every send fails, visibly, into the dead letters.</summary>
internal sealed class NoMailServer : IMailTransport
{
    public Task SendAsync(MimeKit.MimeMessage message, CancellationToken cancellation) =>
        throw new InvalidOperationException("No mail server is configured (Notifications:Smtp:Host). Configure one and replay the dead letters.");
}
