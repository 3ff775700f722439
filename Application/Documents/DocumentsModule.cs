using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fachwerk.Application.Documents;

/// <summary>Documents: the tables of their bytes (docs/documents.md).</summary>
public sealed class DocumentsModule : FachwerkModule
{
    public override void ConfigureStore(StoreOptions opts) => opts.Storage.Add<DocumentStorage>();
}

/// <summary>How documents are registered with the service container.</summary>
public static class DocumentRegistration
{
    /// <summary>The document content store and the upload limits from the configuration section <c>Documents</c>.</summary>
    public static IServiceCollection AddFachwerkDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DocumentOptions>(configuration.GetSection(DocumentOptions.Section));
        services.AddSingleton<DocumentContent>();
        services.AddSingleton<DocumentVerifier>();
        return services;
    }
}
