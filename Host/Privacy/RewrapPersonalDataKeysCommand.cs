using Fachwerk.Application.Privacy;
using JasperFx.CommandLine;
using Marten;

namespace Fachwerk.Host.Privacy;

/// <summary>
/// <c>dotnet run --project Host -- rewrap-personal-data-keys</c>: wraps every personal-data key that another key-encryption key
/// wrapped (or none) under the current one. The second step of a rotation (docs/pilots.md): add a new key to the ring and make it
/// current, restart, run this, then remove the old key from the ring. Erasure is unaffected: an erased key stays erased.
/// </summary>
[Description("Wrap every personal-data key under the current key-encryption key (rotation)", Name = "rewrap-personal-data-keys")]
public sealed class RewrapPersonalDataKeysCommand : JasperFxAsyncCommand<NetCoreInput>
{
    public override async Task<bool> Execute(NetCoreInput input)
    {
        using var host = input.BuildHost();
        return await RunAsync(host.Services, Console.Out, CancellationToken.None);
    }

    /// <summary>The command against a host's services, writing its report to <paramref name="output"/>.</summary>
    public static async Task<bool> RunAsync(IServiceProvider services, TextWriter output, CancellationToken cancellation)
    {
        var keys = services.GetRequiredService<KeyEncryptionKeys>();
        var count = await services.GetRequiredService<PersonalDataVault>()
            .RewrapAsync(services.GetRequiredService<IDocumentStore>(), onlyUnwrapped: false, cancellation);
        await output.WriteLineAsync($"Re-wrapped {count} personal-data keys under the key-encryption key '{keys.CurrentId}'. " +
                                    $"Keys no longer needed in the ring: {string.Join(", ", keys.Ids.Where(id => id != keys.CurrentId).DefaultIfEmpty("none"))}.");
        return true;
    }
}
