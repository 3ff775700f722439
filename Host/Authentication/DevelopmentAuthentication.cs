using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Fachwerk.Host.Authentication;

/// <summary>
/// Development sign-in: the request names a demo user in the X-Demo-User header. Enabled only when
/// Authentication:Development is true (appsettings.Development.json); real tokens replace it in production.
/// </summary>
public sealed class DevelopmentAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "DemoUser";
    public const string HeaderName = "X-Demo-User";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var value) || string.IsNullOrWhiteSpace(value))
            return Task.FromResult(AuthenticateResult.NoResult());

        var user = DemoUsers.Find(value.ToString().Trim());
        if (user is null)
            return Task.FromResult(AuthenticateResult.Fail(
                $"'{value}' is not a demo user. Known demo users: {string.Join(", ", DemoUsers.All.Select(u => u.Id))}."));

        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(user.ToPrincipal(SchemeName), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{HeaderName}\"";
        return base.HandleChallengeAsync(properties);
    }
}
