using Fachwerk.Application.Privacy;

namespace Fachwerk.Host.Development;

/// <summary>
/// In Development without a configured key ring, the key-encryption key of personal data is a generated key-ring file,
/// <c>.fachwerk/personal-data-keys.json</c> beside the solution file (readable by its owner only): created on the first start,
/// reused afterwards, so the local database's personal data stay readable across restarts. Outside Development nothing is
/// generated: a missing key ring stops the service (ADR 0061).
/// </summary>
public static class DevelopmentKeyRing
{
    public const string FileName = "personal-data-keys.json";

    public static void AddDevelopmentKeyRing(this IServiceCollection services, IHostEnvironment environment) =>
        services.PostConfigure<PersonalDataOptions>(options =>
        {
            if (options.KeyRing is { Keys.Count: > 0 }) return;
            options.KeyRingFile ??= Path.Combine(DevelopmentFolder.Of(environment.ContentRootPath), FileName);
            EnsureExists(options.KeyRingFile);
        });

    /// <summary>
    /// Writes a new key ring unless the file exists. Written beside it and renamed into place, so a host starting at the same moment
    /// (the tests start several) never reads a half-written or still open file; a second writer leaves the first one's.
    /// </summary>
    public static void EnsureExists(string path) => WriteOnce(path, KeyEncryptionKeys.NewRing($"development-{DateTime.UtcNow:yyyyMMdd}"));

    /// <summary>Writes <paramref name="content"/> (a key, readable by its owner only) unless the file exists; the first writer wins.</summary>
    public static void WriteOnce(string path, string content)
    {
        if (File.Exists(path)) return;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var written = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var file = new FileStream(written, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(written, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                using var writer = new StreamWriter(file);
                writer.Write(content);
            }

            File.Move(written, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first.
        }
        finally
        {
            File.Delete(written);
        }
    }
}
