namespace Fachwerk.Host.Security;

/// <summary>
/// How the service speaks HTTP to browsers and clients (configuration section "Security", ADR 0057). The defaults are the strict
/// ones; a deployment loosens only what it needs.
/// </summary>
public sealed class ProtocolSettings
{
    public const string Section = "Security";

    /// <summary>
    /// The Content-Security-Policy of every answer. The default lets a page of this service use its own scripts, styles, images
    /// and forms ('self': the server-rendered web UI) and nothing else: no inline script, no other origin, no framing.
    /// </summary>
    public string ContentSecurityPolicy { get; set; } = StrictContentSecurityPolicy;

    public const string StrictContentSecurityPolicy =
        "default-src 'self'; base-uri 'none'; object-src 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The API reference page (Scalar) writes its configuration and styles inline: its own policy, only on its own path, and
    /// only where the reference is switched on.
    /// </summary>
    public const string ApiReferenceContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "base-uri 'none'; object-src 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Where a page may send the address it was on: nowhere.</summary>
    public const string ReferrerPolicy = "no-referrer";

    /// <summary>
    /// Whether the OpenAPI document and the API reference page are served (configuration "ApiReference:Enabled"): in Development
    /// by default, elsewhere only when switched on. The document lists every operation and field.
    /// </summary>
    public static bool ApiReferenceEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue("ApiReference:Enabled", environment.IsDevelopment());

    /// <summary>HSTS: a year, subdomains included (browsers then never try plain HTTP for the host again).</summary>
    public static readonly TimeSpan StrictTransportSecurityMaxAge = TimeSpan.FromDays(365);
}
