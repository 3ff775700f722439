using Marten;
using Marten.Schema;
using Marten.Storage;

namespace Fachwerk.Host.Database;

/// <summary>
/// Runs at the start the one schema check Marten would otherwise run when a session in this process first sends a SQL command
/// it queued (the check of its "extended" schema objects, which applying the schema at the start does not mark as done). That
/// check opens connections of its own while the session holds one; commands holding every connection of the pool would wait
/// for each other until the pool's timeout (ADR 0138). Nothing to do where the schema is never checked at run time.
/// </summary>
public sealed class SchemaCheckedAtStart : IInitialData
{
    public async Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (((StoreOptions)store.Options).AutoCreateSchemaObjects == JasperFx.AutoCreate.None) return;
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(StorageFeatures), cancellation);
    }
}
