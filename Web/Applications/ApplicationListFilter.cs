using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Fachwerk.Web.Applications;

/// <summary>
/// The application list's filters as the page's address carries them (the names of <c>GET /api/applications</c>'s query), as
/// the user typed them. They go to the API unchanged, so the API judges them: a filter it refuses comes back as a field error
/// beside its field. The page, its pager, its CSV export and its batch form all read the list through this one filter.
/// </summary>
public sealed class ApplicationListFilter
{
    /// <summary>The filters, in the order the form shows them.</summary>
    public static readonly IReadOnlyList<string> Names =
        ["q", "programmeId", "allianceId", "applicantId", "status", "minAmount", "maxAmount", "submittedFrom", "submittedTo", "overdue", "assignedTo", "sort"];

    public static readonly IReadOnlyList<int> PageSizes = [25, 50, 100];

    private readonly Dictionary<string, string> _values;

    private ApplicationListFilter(Dictionary<string, string> values, int page, int pageSize)
    {
        _values = values;
        Page = page;
        PageSize = pageSize;
    }

    public int Page { get; }

    public int PageSize { get; }

    /// <summary>The value of a filter as given, or an empty string.</summary>
    public string this[string name] => _values.GetValueOrDefault(name, "");

    /// <summary>Whether any filter is set (so the page offers to reset them).</summary>
    public bool Any => _values.Count > 0;

    public static ApplicationListFilter From(IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var page = 1;
        var pageSize = PageSizes[0];
        foreach (var (name, value) in query)
        {
            var text = value.ToString().Trim();
            if (text.Length == 0) continue;
            if (name == "page" && int.TryParse(text, CultureInfo.InvariantCulture, out var number) && number > 0) page = number;
            else if (name == "pageSize" && int.TryParse(text, CultureInfo.InvariantCulture, out var size) && PageSizes.Contains(size)) pageSize = size;
            else if (Names.Contains(name)) values[name] = text;
        }

        return new ApplicationListFilter(values, page, pageSize);
    }

    public static ApplicationListFilter From(string uri) => From(QueryHelpers.ParseQuery(new Uri(uri).Query));

    /// <summary>The API's address for a page of this list.</summary>
    public string ApiUrl(int? page = null, int? pageSize = null) =>
        QueryHelpers.AddQueryString("/api/applications", Pairs(page ?? Page, pageSize ?? PageSize));

    /// <summary>This list's address on <paramref name="path"/> (the page, the export), on another page or with a filter changed.</summary>
    public string Url(string path, int? page = null, string? name = null, string? value = null)
    {
        var pairs = Pairs(page ?? Page, PageSize).Where(p => p.Key != name).ToList();
        if (name is not null && !string.IsNullOrEmpty(value)) pairs.Add(new(name, value));
        return QueryHelpers.AddQueryString(path, pairs);
    }

    private IEnumerable<KeyValuePair<string, string?>> Pairs(int page, int pageSize)
    {
        foreach (var name in Names)
            if (_values.TryGetValue(name, out var value)) yield return new(name, value);
        if (page != 1) yield return new("page", page.ToString(CultureInfo.InvariantCulture));
        if (pageSize != PageSizes[0]) yield return new("pageSize", pageSize.ToString(CultureInfo.InvariantCulture));
    }
}
