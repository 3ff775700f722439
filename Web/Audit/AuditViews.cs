using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Fachwerk.Application.Common;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Audit;
using Fachwerk.Web.Localization;

namespace Fachwerk.Web.Audit;

/// <summary>
/// A record as it stood at a version (<c>GET /api/audit/streams/{id}/state</c>); <see cref="Application"/> is its detail screen
/// when it is an application (another record's id typed into the address finds none, rather than a broken page).
/// </summary>
public sealed record ApplicationAsOf(
    Guid StreamId, string Kind, long Version, DateTimeOffset VersionRecordedAt, long CurrentVersion, JsonElement? Details,
    string? Previous, string? Next)
{
    private ApplicationDetails? _application;

    [JsonIgnore]
    public ApplicationDetails? Application => _application ??=
        Kind == "application" && Details is { ValueKind: JsonValueKind.Object } details ? details.Deserialize<ApplicationDetails>(ApiJson.Options) : null;
}

/// <summary>The auditor's pages' addresses, so every page links the others the same way.</summary>
public static class AuditPaths
{
    public const string Start = "/audit";
    public const string Integrity = "/audit/integrity";
    public const string Findings = "/audit/findings";

    public static string Timeline(Guid streamId) => $"/audit/streams/{streamId}";

    public static string AsOf(Guid applicationId, long version) => $"/audit/applications/{applicationId}/as-of?version={version}";

    public static string AsOfNow(Guid applicationId) => $"/audit/applications/{applicationId}/as-of";

    public static string Compare(Guid applicationId, long from, long to) => $"/audit/applications/{applicationId}/compare?from={from}&to={to}";

    public static string Decisions(Guid applicationId) => $"/audit/applications/{applicationId}/decisions";

    public static string CaseFile(Guid applicationId) => $"/audit/applications/{applicationId}/case-file.zip";

    public const string Digest = "/audit/integrity/chain-digest.json";
}

public static class AuditText
{
    /// <summary>An audit label in the user's language (German unless English is chosen).</summary>
    public static string Of(Label label) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? label.En : label.De;

    /// <summary>The moment a user typed (a day and a time of day in German time) as a point in time, or null when it is no moment.</summary>
    public static DateTimeOffset? MomentInBerlin(string? day, string? time)
    {
        if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return null;
        var timeOfDay = TimeOnly.MinValue;
        if (!string.IsNullOrEmpty(time) && !TimeOnly.TryParseExact(time, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out timeOfDay))
            return null;
        var local = date.ToDateTime(timeOfDay, DateTimeKind.Unspecified);
        // A time of day skipped when the clocks go forward is read as the hour after.
        if (Formats.Berlin.IsInvalidTime(local)) local = local.AddHours(1);
        return new DateTimeOffset(local, Formats.Berlin.GetUtcOffset(local)).ToUniversalTime();
    }
}
