using Fachwerk.Host.Authentication;
using Fachwerk.Host.Database;
using Fachwerk.Host.Development.DemoWorld;
using Fachwerk.Host.Development.LocalPostgres;
using Fachwerk.Host.Development.Tokens;

namespace Fachwerk.Host.Development;

/// <summary>
/// Everything that exists only in the Development environment, registered in one place (ADR 0040): the local PostgreSQL
/// cluster used when no connection string is configured, a generated key ring for personal data when none is configured, the
/// development token issuer with its endpoint and the validation of
/// its tokens (<c>Authentication:DevelopmentTokens</c>), and the demo world loaded at start (<c>DemoWorld:Enabled</c>). In every
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
            services.AddDevelopmentTokens();
        if (configuration.GetValue("DemoWorld:Enabled", false))
            services.AddHostedService<DemoWorldOnStartup>();
    }

    public static void UseFachwerkDevelopment(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) return;
        if (app.Services.GetService<DevelopmentTokenIssuer>() is not null)
            app.MapDevelopmentTokens();
    }
}
