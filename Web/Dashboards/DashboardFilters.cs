namespace Fachwerk.Web.Dashboards;

/// <summary>A dashboard's filters as its address, its export links and the API's query carry them.</summary>
public static class DashboardFilters
{
    /// <summary>The filters given (by name, as typed) as a query string ("?from=…&amp;to=…"), or "" when none is.</summary>
    public static string Query(IReadOnlyList<string> names, Func<string, string?> value)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(value);
        var given = names.Select(name => (name, value: value(name))).Where(f => !string.IsNullOrWhiteSpace(f.value)).ToList();
        return given.Count == 0 ? "" : "?" + string.Join("&", given.Select(f => $"{f.name}={Uri.EscapeDataString(f.value!.Trim())}"));
    }
}
