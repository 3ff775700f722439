namespace Fachwerk.Web;

/// <summary>Settings of the web UI (configuration section "Web").</summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>
    /// Where the UI calls the API. Empty: the service's own address (the UI and the API run in one process, and the UI reaches
    /// the API over loopback like any other client).
    /// </summary>
    public string? ApiAddress { get; set; }

    /// <summary>The UI's client id at the OpenID Connect provider.</summary>
    public string ClientId { get; set; } = "fachwerk-web";

    /// <summary>The client secret, if the provider registers the UI as a confidential client (PKCE is used either way).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>A session ends after this long without a request (sliding).</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>A session ends this long after sign-in however active it is, and never outlives its access token.</summary>
    public TimeSpan SessionMaxDuration { get; set; } = TimeSpan.FromHours(10);
}

/// <summary>What the host tells the UI about sign-in: the provider, or (Development) the service's own provider.</summary>
/// <param name="Authority">The OpenID Connect provider (its metadata is read from it); null with <paramref name="OwnProvider"/>.</param>
/// <param name="RequireHttpsMetadata">Whether the provider's metadata must come over HTTPS.</param>
/// <param name="RoleClaim">The claim that carries roles (the same the API reads).</param>
/// <param name="OwnProvider">
/// The service's own provider (Development only): its metadata given the service's own address, known in-process, so the UI
/// reads no discovery document from itself.
/// </param>
public sealed record WebSignIn(
    string? Authority, bool RequireHttpsMetadata, string RoleClaim,
    Func<IServiceProvider, Uri, Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfiguration>? OwnProvider = null)
{
    /// <summary>Whether anyone can sign in to the UI at all.</summary>
    public bool Available => Authority is not null || OwnProvider is not null;
}
