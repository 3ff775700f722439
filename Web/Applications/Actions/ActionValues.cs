using System.Globalization;
using Fachwerk.Domain.Applications;

namespace Fachwerk.Web.Applications.Actions;

/// <summary>What the action forms' free-text fields hold, as the commands take it: lines, dates, findings.</summary>
public static class ActionValues
{
    /// <summary>The non-empty lines, trimmed.</summary>
    public static IReadOnlyList<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0)];

    /// <summary>The text trimmed, or none when blank.</summary>
    public static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>One date per line, in the user's culture (31.12.2027) or ISO (2027-12-31); the first line that is no date, if any.</summary>
    public static (IReadOnlyList<DateOnly> Dates, string? Unreadable) Dates(string? text)
    {
        var dates = new List<DateOnly>();
        foreach (var line in Lines(text))
        {
            if (DateOnly.TryParseExact(line, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso)) dates.Add(iso);
            else if (DateOnly.TryParse(line, CultureInfo.CurrentCulture, DateTimeStyles.None, out var local)) dates.Add(local);
            else return (dates, line);
        }

        return (dates, null);
    }

    /// <summary>
    /// One finding per line, the amount concerned (if any) after a vertical bar in the user's culture ("Beleg fehlt | 1.200,50");
    /// the first line whose amount cannot be read, if any.
    /// </summary>
    public static (IReadOnlyList<Finding> Findings, string? Unreadable) Findings(string? text)
    {
        var findings = new List<Finding>();
        foreach (var line in Lines(text))
        {
            var bar = line.LastIndexOf('|');
            if (bar < 0)
            {
                findings.Add(new Finding(line, null));
                continue;
            }

            if (Amount(line[(bar + 1)..]) is not { } concerned) return (findings, line);
            findings.Add(new Finding(line[..bar].Trim(), concerned));
        }

        return (findings, null);
    }

    /// <summary>
    /// One amount per line after a name and a vertical bar, in the user's culture ("Personal | 12.000,00"); the first line without
    /// a readable amount, if any. A name given twice adds up.
    /// </summary>
    public static (IReadOnlyDictionary<string, decimal> Amounts, string? Unreadable) NamedAmounts(string? text)
    {
        var amounts = new Dictionary<string, decimal>(StringComparer.CurrentCultureIgnoreCase);
        foreach (var line in Lines(text))
        {
            var bar = line.LastIndexOf('|');
            if (bar < 0 || Amount(line[(bar + 1)..]) is not { } amount) return (amounts, line);
            var name = line[..bar].Trim();
            amounts[name] = amounts.GetValueOrDefault(name) + amount;
        }

        return (amounts, null);
    }

    /// <summary>An amount in the user's culture, with or without the euro sign.</summary>
    private static decimal? Amount(string text) =>
        decimal.TryParse(text.Replace("€", "", StringComparison.Ordinal).Trim(), NumberStyles.Number, CultureInfo.CurrentCulture, out var amount) ? amount : null;
}
