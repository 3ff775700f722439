namespace Fachwerk.Application.Privacy;

/// <summary>
/// Where the key-encryption keys come from (configuration section "PersonalData"): a key-ring file, or the ring itself from
/// configuration (<c>PersonalData__KeyRing__Current</c>, <c>PersonalData__KeyRing__Keys__&lt;id&gt;</c>), which a secret store's
/// configuration provider or the orchestrator's secrets can supply. Required outside Development (ADR 0061).
/// </summary>
public sealed class PersonalDataOptions
{
    public const string Section = "PersonalData";

    /// <summary>A JSON key ring: <c>{"current": "&lt;id&gt;", "keys": {"&lt;id&gt;": "&lt;base64&gt;"}}</c>.</summary>
    public string? KeyRingFile { get; set; }

    /// <summary>The key ring itself, when it comes from configuration rather than a file.</summary>
    public KeyRingSettings? KeyRing { get; set; }

    /// <summary>The key ring these settings name.</summary>
    public KeyEncryptionKeys Load()
    {
        if (KeyRing is { Current: { } current } ring && ring.Keys.Count > 0)
            return KeyEncryptionKeys.Of(current, ring.Keys);
        if (string.IsNullOrWhiteSpace(KeyRingFile))
            throw new KeyRingUnavailableException(
                "set PersonalData__KeyRingFile to a key-ring file, or PersonalData__KeyRing__Current and PersonalData__KeyRing__Keys__<id> (docs/pilots.md).");
        if (!File.Exists(KeyRingFile))
            throw new KeyRingUnavailableException($"the key-ring file {KeyRingFile} does not exist.");
        return KeyEncryptionKeys.Parse(File.ReadAllText(KeyRingFile));
    }
}

/// <summary>A key ring as configuration: the current key's id and every key (base64 of 32 random bytes) by id.</summary>
public sealed class KeyRingSettings
{
    public string? Current { get; set; }

    public Dictionary<string, string> Keys { get; set; } = [];
}
