using Fachwerk.Application.Applications;
using Fachwerk.Application.Notifications;
using Fachwerk.Host.Development.Mail;
using Fachwerk.Host.Authentication;
using Fachwerk.Host.Database;
using Fachwerk.Host.Development.DemoWorld;
using Fachwerk.Host.Development.LocalPostgres;
using Fachwerk.Host.Development.SignIn;
using Fachwerk.Host.Development.Tokens;

namespace Fachwerk.Host.Development;

/// <summary>
/// Everything that exists only in the Development environment, registered in one place (ADR 0040): the local PostgreSQL
/// cluster used when no connection string is configured, a generated key ring for personal data when none is configured, the
/// development token issuer with its endpoint and the validation of
/// its tokens (<c>Authentication:DevelopmentTokens</c>) and, without another provider, the OpenID Connect provider the web UI
/// signs in at (ADR 0050), and the demo world loaded at start (<c>DemoWorld:Enabled</c>). In every
/// other environment both calls do nothing, whatever the configuration says.
/// </summary>
public static class FachwerkDevelopment
{
    public static void AddFachwerkDevelopment(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment()) return;
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddSingleton<IFallbackDatabase, LocalClusterDatabase>();
        services.AddDevelopmentKeyRing(builder.Environment);
        if (configuration.GetValue($"{TokenSettings.Section}:{nameof(TokenSettings.DevelopmentTokens)}", false))
        {
            services.AddDevelopmentTokens();
            // The demo users who work on cases are the team cases are handed to (beside any configured).
            services.PostConfigure<TeamOptions>(team => team.Members.AddRange(DemoUsers.Team
                .Where(u => team.Find(u.Id) is null).Select(u => new TeamMember { Id = u.Id, Name = u.DisplayName })));
        }
        if (HasOwnSignInProvider(builder))
            services.AddDevelopmentIdentityProvider(configuration, Cluster.SharedKeys.FolderOf(configuration, builder.Environment));
        if (configuration.GetValue("DemoWorld:Enabled", false))
            services.AddHostedService<DemoWorldOnStartup>();
        // Without an SMTP server mails are written into .fachwerk/outgoing-mail and shown on the outgoing-mail page (ADR 0090).
        var mailFolder = Path.Combine(DevelopmentFolder.Of(builder.Environment.ContentRootPath), "outgoing-mail");
        services.PostConfigure<NotificationOptions>(o => o.MailFolder ??= mailFolder);
    }

    public static void UseFachwerkDevelopment(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) return;
        if (app.Services.GetService<DevelopmentTokenIssuer>() is not null)
            app.MapDevelopmentTokens();
        if (app.Services.GetService<DevelopmentAudience>() is not null)
            app.MapDevelopmentIdentityProvider();
        OutgoingMail.Map(app);
    }

    /// <summary>
    /// Whether the service is its own OpenID Connect provider (ADR 0050): in Development, with the development tokens, when no
    /// other provider is configured (<c>Authentication:Authority</c>).
    /// </summary>
    public static bool HasOwnSignInProvider(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        return builder.Environment.IsDevelopment()
               && configuration.GetValue($"{TokenSettings.Section}:{nameof(TokenSettings.DevelopmentTokens)}", false)
               && string.IsNullOrEmpty(configuration[$"{TokenSettings.Section}:{nameof(TokenSettings.Authority)}"]);
    }
}
