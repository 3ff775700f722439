using Fachwerk.Web.Account;
using Fachwerk.Web.Api;
using Fachwerk.Web.Applications;
using Fachwerk.Web.Localization;
using Fachwerk.Web.Shared;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fachwerk.Web;

/// <summary>The web UI's part of the composition root: the host calls <see cref="AddFachwerkWeb"/> and <see cref="MapFachwerkWeb"/>.</summary>
public static class FachwerkWeb
{
    /// <summary>The UI's session (a cookie holding the user's tokens).</summary>
    public const string SessionScheme = "fachwerk-session";

    /// <summary>Signing in at the OpenID Connect provider.</summary>
    public const string SignInScheme = OpenIdConnectDefaults.AuthenticationScheme;

    /// <summary>The scopes the UI asks for: who the user is, their roles and bindings, their e-mail address and language.</summary>
    public static readonly IReadOnlyList<string> Scopes = ["openid", "profile", "email", "roles"];

    /// <summary>Requests the API answers (bearer tokens) rather than the UI (the session).</summary>
    public static bool IsApiRequest(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/dev");

    /// <summary>Requests for the UI's pages and its account endpoints (not the API, its reference, health, metrics, or a provider's endpoints).</summary>
    public static bool IsPageRequest(PathString path) =>
        !IsApiRequest(path) && !path.StartsWithSegments("/openapi") && !path.StartsWithSegments("/scalar") && !path.StartsWithSegments("/health")
        && !path.StartsWithSegments("/metrics")
        && !path.StartsWithSegments("/connect") && !path.StartsWithSegments("/.well-known");

    public static void AddFachwerkWeb(this WebApplicationBuilder builder, WebSignIn signIn)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(signIn);
        var services = builder.Services;
        services.Configure<WebOptions>(builder.Configuration.GetSection(WebOptions.Section));
        services.AddSingleton(signIn);
        services.AddRazorComponents();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddHttpContextAccessor();
        services.AddSingleton<ServiceAddress>();
        services.AddSingleton<ApiMessages>();
        services.AddTransient<SignedInUserHandler>();
        services.AddHttpClient<FachwerkApiClient>((provider, http) =>
            {
                http.BaseAddress = provider.GetRequiredService<ServiceAddress>().Api;
                http.Timeout = TimeSpan.FromSeconds(30);
            })
            .AddHttpMessageHandler<SignedInUserHandler>();
        SessionSignIn.Add(services, signIn);
    }

    public static void MapFachwerkWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Services.GetRequiredService<WebSignIn>().Available)
            app.Logger.LogWarning("The web UI has no OpenID Connect provider (Authentication:Authority): nobody can sign in to it.");

        app.UseWhen(context => IsPageRequest(context.Request.Path), pages =>
        {
            pages.UseRequestLocalization(Cultures.Options());
            pages.Use(PageHeaders.Protect);
        });
        // A page that is not there (or a page request that failed without a body) shows a page in words, not a bare status;
        // the API's answers stay problem details (the host's status code pages, further out, write those).
        app.UseStatusCodePagesWithReExecute("/error/{0}", createScopeForStatusCodePages: true);
        app.Use((context, next) =>
        {
            if (!IsPageRequest(context.Request.Path) && context.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
            return next(context);
        });
        // After authentication and authorization (the host's), before the endpoints: every form carries and checks a token.
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>();
        app.MapAccountEndpoints();
        app.MapApplicationExport();
        Dashboards.ProgrammeBudgetExport.MapProgrammeBudgetExport(app);
        Dashboards.AlliancePipelineExport.MapAlliancePipelineExport(app);
        Dashboards.PilotDemandExport.MapPilotDemandExport(app);
        Network.Instruments.InstrumentExport.MapInstrumentExport(app);
        Network.Cohorts.CohortExport.MapCohortExport(app);
        Experts.ExpertExport.MapExpertExport(app);
        Network.Dashboards.NetworkDashboardExport.MapNetworkDashboardExport(app);
        Network.Series.ActivitySeriesExport.MapActivitySeriesExport(app);
        Network.Ideas.IdeaExport.MapIdeaExport(app);
        Network.Recommendations.RecommendationExport.MapRecommendationExport(app);
        Network.Cooperation.AgreementExport.MapAgreementExport(app);
        Network.Actors.ActorExport.MapActorExport(app);
        Audit.AuditDownloads.MapAuditDownloads(app);
        app.MapDocumentTransfer();
        Pilots.ParticipantDocumentTransfer.MapParticipantDocumentTransfer(app);
    }
}
