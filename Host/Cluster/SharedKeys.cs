using System.Security.Cryptography;
using Fachwerk.Host.Development;
using Microsoft.AspNetCore.DataProtection;

namespace Fachwerk.Host.Cluster;

/// <summary>
/// The keys every node of a cluster must share (ADR 0125), in one folder (<c>Cluster:KeyFolder</c>; in Development by default
/// <c>.fachwerk/cluster-keys</c>): ASP.NET Core's data-protection keys, which protect the sign-in cookie and the forms'
/// antiforgery tokens, so a user's next request may go to another node; and in Development the signing key of the development
/// tokens, so every node accepts the tokens any of them issued. Outside Development without a folder, data protection keeps
/// ASP.NET Core's default (keys of this machine): fine for one node, not for several.
/// </summary>
public sealed class SharedKeys(string folder)
{
    public const string FolderSetting = "Cluster:KeyFolder";
    public const string DevelopmentSigningKeyFile = "development-token-key.pem";

    public string Folder { get; } = folder;

    /// <summary>
    /// The development tokens' signing key: read from the folder, or generated there by the first node that starts. One instance per
    /// file and process, never disposed: IdentityModel caches signature providers by the key's thumbprint, so hosts in one process
    /// (the tests') that read the same file would otherwise sign with an instance another host disposed.
    /// </summary>
    public ECDsa DevelopmentSigningKey() => Loaded.GetOrAdd(Path.GetFullPath(Path.Combine(Folder, DevelopmentSigningKeyFile)), path =>
    {
        if (!File.Exists(path))
        {
            using var generated = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            DevelopmentKeyRing.WriteOnce(path, generated.ExportPkcs8PrivateKeyPem());
        }

        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(path));
        return key;
    });

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, ECDsa> Loaded = new();

    /// <summary>
    /// The key the development sign-in provider encrypts its authorization codes with: a user who signs in at one node may be
    /// sent back to another, which must read the code.
    /// </summary>
    public byte[] DevelopmentEncryptionKey()
    {
        var path = Path.Combine(Folder, DevelopmentEncryptionKeyFile);
        if (!File.Exists(path)) DevelopmentKeyRing.WriteOnce(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        return Convert.FromBase64String(File.ReadAllText(path).Trim());
    }

    public const string DevelopmentEncryptionKeyFile = "development-code-key.txt";

    /// <summary>The folder of the shared keys: <c>Cluster:KeyFolder</c>, in Development by default <c>.fachwerk/cluster-keys</c>; else none.</summary>
    public static string? FolderOf(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        return configuration[FolderSetting] is { Length: > 0 } configured
            ? configured
            : environment.IsDevelopment() ? Path.Combine(DevelopmentFolder.Of(environment.ContentRootPath), "cluster-keys") : null;
    }

    public static void AddFachwerkSharedKeys(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (FolderOf(builder.Configuration, builder.Environment) is not { } folder) return;

        Directory.CreateDirectory(folder);
        builder.Services.AddSingleton(new SharedKeys(folder));
        // One application name on every node: data protection isolates applications by it (by default the content root path).
        builder.Services.AddDataProtection()
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(folder, "data-protection")))
            .SetApplicationName("Fachwerk");
    }
}
