using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace Fachwerk.Web.Shared;

/// <summary>
/// Puts the API's messages (English, its contract) into the user's language: a refusal by its rule code
/// (<c>Resources/ApiMessages.de.resx</c>, key <c>code:…</c>), a field error by its exact text, and the validator's standard
/// messages by their pattern. What has no translation is shown as the API wrote it, marked as English.
/// </summary>
public sealed partial class ApiMessages(IStringLocalizer<ApiMessages> localizer)
{
    /// <summary>The message in the user's language, and the language tag to mark it with when it stayed English (else null).</summary>
    public (string Text, string? Language) Translate(string message, string? code = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (IsEnglish) return (message, null);
        if (code is not null && Found(localizer["code:" + code]) is { } byCode) return (byCode, null);
        if (Found(localizer[message]) is { } byText) return (byText, null);
        if (MaximumLength().Match(message) is { Success: true } tooLong)
            return (localizer["pattern:maximumLength", tooLong.Groups["max"].Value, tooLong.Groups["entered"].Value], null);
        if (NotEmpty().IsMatch(message)) return (localizer["pattern:notEmpty"], null);
        return (message, "en");
    }

    private static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    private static string? Found(LocalizedString text) => text.ResourceNotFound ? null : text.Value;

    [GeneratedRegex(@"^The length of '.+' must be (?<max>\d+) characters or fewer\. You entered (?<entered>\d+) characters\.$")]
    private static partial Regex MaximumLength();

    [GeneratedRegex(@"^'.+' must not be empty\.$")]
    private static partial Regex NotEmpty();
}
