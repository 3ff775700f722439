using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Fachwerk.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Fachwerk.Web.Shared;

/// <summary>
/// Puts the API's messages (English, its contract) into the user's language: a refusal by its rule code
/// (<c>Resources/ApiMessages.de.resx</c>, key <c>code:…</c>), a field error by its exact text, a rule's refusal that carries
/// its computation by a template (key <c>template:…</c>: the English text with <c>{0}</c> where the API puts an amount, a date,
/// a name; the German keeps the values, amounts and dates written the German way, and known words such as a status
/// translated by <c>value:…</c>), and the validator's standard messages by their pattern. What has no translation is shown as
/// the API wrote it, marked as English.
/// </summary>
public sealed partial class ApiMessages(IStringLocalizer<ApiMessages> localizer)
{
    /// <summary>The message in the user's language, and the language tag to mark it with when it stayed English (else null).</summary>
    public (string Text, string? Language) Translate(string message, string? code = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (IsEnglish) return (message, null);
        // The most specific translation first: the exact text, then a template that keeps the message's values, then the rule.
        if (Found(localizer[message]) is { } byText) return (byText, null);
        if (ByTemplate(message) is { } byTemplate) return (byTemplate, null);
        if (code is not null && Found(localizer["code:" + code]) is { } byCode) return (byCode, null);
        if (MaximumLength().Match(message) is { Success: true } tooLong)
            return (localizer["pattern:maximumLength", tooLong.Groups["max"].Value, tooLong.Groups["entered"].Value], null);
        if (NotEmpty().IsMatch(message)) return (localizer["pattern:notEmpty"], null);
        return (message, "en");
    }

    private const string TemplatePrefix = "template:";

    /// <summary>The templates of each language, most specific (longest) first, as patterns that capture the values.</summary>
    private static readonly ConcurrentDictionary<string, IReadOnlyList<(Regex English, string Translation)>> Templates = new();

    private string? ByTemplate(string message)
    {
        var templates = Templates.GetOrAdd(CultureInfo.CurrentUICulture.Name, _ => [.. localizer.GetAllStrings(includeParentCultures: true)
            .Where(s => s.Name.StartsWith(TemplatePrefix, StringComparison.Ordinal))
            .OrderByDescending(s => s.Name.Length)
            .Select(s => (Pattern(s.Name[TemplatePrefix.Length..]), s.Value))]);
        foreach (var (english, translation) in templates)
        {
            if (english.Match(message) is not { Success: true } match) continue;
            var values = match.Groups.Cast<Group>().Skip(1).OrderBy(g => int.Parse(g.Name[1..], CultureInfo.InvariantCulture)).Select(g => Value(g.Value));
            return string.Format(CultureInfo.CurrentCulture, translation, [.. values]);
        }

        return null;
    }

    /// <summary>"Payments above {0} are released ..." as ^Payments above (?&lt;p0&gt;.+?) are released ...$.</summary>
    private static Regex Pattern(string template) =>
        new("^" + Placeholder().Replace(Regex.Escape(template), m => $"(?<p{m.Groups[1].Value}>.+?)") + "$", RegexOptions.CultureInvariant);

    /// <summary>A value the API wrote into its message, for the user: known words translated, amounts and dates in their culture.</summary>
    private string Value(string value)
    {
        if (Found(localizer["value:" + value]) is { } word) return word;
        var withAmounts = EuroAmount().Replace(value, m => Formats.Money(decimal.Parse(m.Groups["amount"].Value, NumberStyles.Number, CultureInfo.InvariantCulture)));
        return IsoDate().Replace(withAmounts, m => Formats.Date(DateOnly.ParseExact(m.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    [GeneratedRegex(@"\\\{(\d+)}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"(?<amount>-?\d{1,3}(?:,\d{3})*\.\d{2}) EUR")]
    private static partial Regex EuroAmount();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b")]
    private static partial Regex IsoDate();

    private static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    private static string? Found(LocalizedString text) => text.ResourceNotFound ? null : text.Value;

    [GeneratedRegex(@"^The length of '.+' must be (?<max>\d+) characters or fewer\. You entered (?<entered>\d+) characters\.$")]
    private static partial Regex MaximumLength();

    [GeneratedRegex(@"^'.+' must not be empty\.$")]
    private static partial Regex NotEmpty();
}
