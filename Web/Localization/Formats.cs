using System.Globalization;

namespace Fachwerk.Web.Localization;

/// <summary>
/// Money, numbers, dates and times in the user's culture: amounts in EUR with the culture's separators and symbol position
/// (<c>1.234,56 €</c>, <c>€1,234.56</c>), times in Europe/Berlin whatever the server's zone.
/// </summary>
public static class Formats
{
    public static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static string Money(decimal amount) => KeepTogether(amount.ToString("C2", Euro(CultureInfo.CurrentCulture)));

    public static string Number(decimal number) => number.ToString("#,##0.##", CultureInfo.CurrentCulture);

    public static string Number(long number) => number.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>A share (0.8) as a percentage in the user's culture ("80 %", "80%").</summary>
    public static string Percent(decimal share) =>
        KeepTogether(share.ToString(decimal.Round(share * 100, 1) % 1 == 0 ? "P0" : "P1", CultureInfo.CurrentCulture));

    /// <summary>A number and its unit never part at a line break.</summary>
    private static string KeepTogether(string text) => text.Replace(' ', '\u00a0');

    public static string Date(DateOnly date) => date.ToString("d", CultureInfo.CurrentCulture);

    /// <summary>A month by the day it starts on ("Sep. 2014", "Sep 2014").</summary>
    public static string Month(DateOnly month) => month.ToString("MMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>A month written out ("März 2014", "March 2014"), where a table names each month in full.</summary>
    public static string MonthInFull(DateOnly month) => month.ToString("MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Date(DateTimeOffset moment) => InBerlin(moment).ToString("d", CultureInfo.CurrentCulture);

    /// <summary>Date and time of day in Berlin ("02.03.2026 09:00").</summary>
    public static string DateTime(DateTimeOffset moment) => InBerlin(moment).ToString("g", CultureInfo.CurrentCulture);

    public static DateTimeOffset InBerlin(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Berlin);

    /// <summary>The machine-readable form for <c>&lt;time datetime&gt;</c>.</summary>
    public static string Iso(DateTimeOffset moment) => InBerlin(moment).ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly Dictionary<string, NumberFormatInfo> EuroFormats = [];

    private static NumberFormatInfo Euro(CultureInfo culture)
    {
        lock (EuroFormats)
        {
            if (EuroFormats.TryGetValue(culture.Name, out var format)) return format;
            format = (NumberFormatInfo)culture.NumberFormat.Clone();
            format.CurrencySymbol = "€";
            format.CurrencyNegativePattern = culture.TwoLetterISOLanguageName == "de" ? 8 : 1;
            return EuroFormats[culture.Name] = NumberFormatInfo.ReadOnly(format);
        }
    }
}
