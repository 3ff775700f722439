namespace Fachwerk.Web.Portal;

/// <summary>
/// An alliance's region as the draft form offers it: one choice per district, so that alliance and district are picked together
/// and always fit (the API refuses a district the alliance does not cover).
/// </summary>
public sealed record PortalRegion(Guid Id, string Name, IReadOnlyList<string> Districts)
{
    /// <summary>The choice's value: the alliance's id and the district.</summary>
    public static string Value(Guid allianceId, string district) => $"{allianceId:N}|{district}";

    /// <summary>The alliance and district of a choice, or none when it is not one.</summary>
    public static (Guid AllianceId, string District)? Parse(string? value)
    {
        var bar = value?.IndexOf('|', StringComparison.Ordinal) ?? -1;
        return bar > 0 && Guid.TryParse(value![..bar], out var id) && value.Length > bar + 1 ? (id, value[(bar + 1)..]) : null;
    }
}
