using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;

namespace Fachwerk.Web.Localization;

/// <summary>
/// The UI's languages: German by default, English by choice. The choice lives in the culture cookie (set by the switch in
/// the header, seeded at sign-in from the provider's <c>locale</c> claim); without it the UI speaks German whatever the
/// browser asks for, because the people it serves work in German.
/// </summary>
public static class Cultures
{
    public const string German = "de-DE";
    public const string English = "en-GB";

    public static readonly IReadOnlyList<string> Supported = [German, English];

    /// <summary>The cookie that carries the user's choice (ASP.NET Core's culture cookie).</summary>
    public static string CookieName => CookieRequestCultureProvider.DefaultCookieName;

    public static RequestLocalizationOptions Options()
    {
        var options = new RequestLocalizationOptions()
            .SetDefaultCulture(German)
            .AddSupportedCultures([.. Supported])
            .AddSupportedUICultures([.. Supported]);
        options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        return options;
    }

    /// <summary>The supported culture a language tag names ("en", "en-US" → English), or null.</summary>
    public static string? Match(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag)) return null;
        return Supported.FirstOrDefault(c => string.Equals(c, tag, StringComparison.OrdinalIgnoreCase))
               ?? Supported.FirstOrDefault(c => string.Equals(c[..2], tag.Split('-', '_')[0], StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The culture this browser chose (its cookie), else German: for requests before the localization middleware ran.</summary>
    public static string Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var chosen = request.Cookies.TryGetValue(CookieName, out var cookie) ? CookieRequestCultureProvider.ParseCookieValue(cookie)?.UICultures.FirstOrDefault().Value : null;
        return Match(chosen) ?? German;
    }

    /// <summary>Remembers <paramref name="culture"/> for this browser for a year.</summary>
    public static void Remember(HttpResponse response, string culture, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Append(CookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)), new CookieOptions
        {
            Expires = now.AddYears(1),
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = response.HttpContext.Request.IsHttps,
        });
    }

    /// <summary>The other language, for the switch.</summary>
    public static string Other => CultureInfo.CurrentUICulture.Name == English ? German : English;
}
