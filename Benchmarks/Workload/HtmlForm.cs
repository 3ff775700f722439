using System.Net;
using System.Text.RegularExpressions;

namespace Fachwerk.Benchmarks.Workload;

/// <summary>
/// The first form of an HTML page with its hidden fields and named submit buttons, as a browser would post it: the development
/// provider's sign-in page and OpenIddict's form_post answer are both such forms. Enough HTML for those two pages (attributes
/// in any order, quoted, entities decoded), not a general parser.
/// </summary>
public sealed partial record HtmlForm(
    string Action, IReadOnlyList<KeyValuePair<string, string>> Fields, IReadOnlyList<KeyValuePair<string, string>> Buttons)
{
    /// <summary>The page's first form, or null when it has none.</summary>
    public static HtmlForm? FirstOf(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var form = FormPattern().Match(html);
        if (!form.Success) return null;
        var end = html.IndexOf("</form>", form.Index, StringComparison.OrdinalIgnoreCase);
        var body = end < 0 ? html[form.Index..] : html[form.Index..end];
        var fields = NamedTags(InputPattern(), body).Where(a => Is(a, "type", "hidden"));
        var buttons = NamedTags(ButtonPattern(), body).Where(a => !a.ContainsKey("type") || Is(a, "type", "submit"));
        return new HtmlForm(Attributes(form.Value).GetValueOrDefault("action") ?? "", NameAndValue(fields), NameAndValue(buttons));
    }

    /// <summary>The hidden fields, to post as they are.</summary>
    public FormUrlEncodedContent Content() => new(Fields);

    /// <summary>The hidden fields and the submit button whose value is <paramref name="buttonValue"/>, as pressing it posts them.</summary>
    public FormUrlEncodedContent Press(string buttonValue)
    {
        var button = Buttons.FirstOrDefault(b => b.Value == buttonValue);
        return button.Key is null
            ? throw new InvalidOperationException($"The form to {Action} has no button with the value {buttonValue}.")
            : new FormUrlEncodedContent([.. Fields, button]);
    }

    private static IEnumerable<Dictionary<string, string>> NamedTags(Regex tag, string html) =>
        tag.Matches(html).Select(m => Attributes(m.Value)).Where(a => a.ContainsKey("name"));

    private static bool Is(Dictionary<string, string> attributes, string name, string value) =>
        attributes.GetValueOrDefault(name)?.Equals(value, StringComparison.OrdinalIgnoreCase) == true;

    private static List<KeyValuePair<string, string>> NameAndValue(IEnumerable<Dictionary<string, string>> tags) =>
        [.. tags.Select(a => KeyValuePair.Create(a["name"], a.GetValueOrDefault("value") ?? ""))];

    private static Dictionary<string, string> Attributes(string tag) =>
        AttributePattern().Matches(tag)
            .GroupBy(m => m.Groups["name"].Value.ToLowerInvariant())
            .ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Groups["value"].Value));

    [GeneratedRegex("<form\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputPattern();

    [GeneratedRegex("<button\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ButtonPattern();

    [GeneratedRegex("(?<name>[a-zA-Z_:][-a-zA-Z0-9_:.]*)\\s*=\\s*(?:\"(?<value>[^\"]*)\"|'(?<value>[^']*)')")]
    private static partial Regex AttributePattern();
}
