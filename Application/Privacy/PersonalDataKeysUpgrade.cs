using Marten;
using Marten.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fachwerk.Application.Privacy;

/// <summary>
/// Wraps the data keys stored before keys were wrapped (ADR 0061) when the service starts, after the schema is applied: from
/// then on the database holds no plain data key. Later starts only ask (one query that finds nothing). Reads open a plain key
/// too, so a node started before this step finished still works.
/// </summary>
/// <remarks>
/// The vault (and with it the key ring) is resolved only when the step runs: Marten builds its initial-data steps with the
/// store, and commands that build the store without starting the service (<c>codegen write</c>, <c>db-apply</c>) need no
/// key ring.
/// </remarks>
public sealed class PersonalDataKeysUpgrade(IServiceProvider services, ILogger<PersonalDataKeysUpgrade> logger) : IInitialData
{
    public async Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        var wrapped = await services.GetRequiredService<PersonalDataVault>().RewrapAsync(store, onlyUnwrapped: true, cancellation);
        if (wrapped > 0)
            logger.LogWarning("Wrapped {Count} personal-data keys stored in plain under the key-encryption key (once, ADR 0061)", wrapped);
    }
}
