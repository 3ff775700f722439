using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Fachwerk.Web;

/// <summary>
/// The service's own address as seen from inside the process, known once the server listens: where the UI calls the API
/// (unless <see cref="WebOptions.ApiAddress"/> says otherwise) and, in Development, where its own OpenID Connect provider is.
/// </summary>
public sealed class ServiceAddress(IServer server, IOptions<WebOptions> options)
{
    /// <summary>The base address of the API the UI calls.</summary>
    public Uri Api => string.IsNullOrWhiteSpace(options.Value.ApiAddress) ? Own : new Uri(WithSlash(options.Value.ApiAddress));

    /// <summary>The first address the server listens on, reachable over loopback ("http://localhost/" before it listens).</summary>
    public Uri Own
    {
        get
        {
            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            return new Uri(WithSlash(address is null ? "http://localhost" : Loopback(address)));
        }
    }

    // "http://[::]:5080" or "http://+:5080" listen everywhere; the UI talks to this machine.
    private static string Loopback(string address) =>
        address.Replace("[::]", "localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("0.0.0.0", "localhost", StringComparison.Ordinal);

    private static string WithSlash(string address) => address.EndsWith('/') ? address : address + "/";
}
