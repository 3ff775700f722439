using System.Globalization;

namespace Fachwerk.Benchmarks.Reporting;

/// <summary>Numbers as the report prints them: invariant culture, thousands separated, few but enough digits.</summary>
public static class Format
{
    public static string Number(double value) => Math.Abs(value) switch
    {
        0 => "0",
        >= 1000 => value.ToString("#,##0", CultureInfo.InvariantCulture),
        >= 100 => value.ToString("0", CultureInfo.InvariantCulture),
        >= 10 => value.ToString("0.#", CultureInfo.InvariantCulture),
        >= 1 => value.ToString("0.##", CultureInfo.InvariantCulture),
        _ => value.ToString("0.###", CultureInfo.InvariantCulture),
    };

    public static string WithUnit(double value, string unit) => $"{Number(value)} {unit}";
}
