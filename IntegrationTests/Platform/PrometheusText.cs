using System.Globalization;

namespace Fachwerk.IntegrationTests.Platform;

/// <summary>A scrape of <c>/metrics</c> read back: each series (name and labels, as written) with its value.</summary>
public sealed class PrometheusText
{
    private PrometheusText(string text, IReadOnlyDictionary<string, double> series)
    {
        Text = text;
        Series = series;
    }

    public string Text { get; }

    /// <summary>Every sample line: <c>name{label="value",…}</c> to its value.</summary>
    public IReadOnlyDictionary<string, double> Series { get; }

    /// <summary>Reads the text exposition format; comments (# HELP, # TYPE, # EOF) are not samples.</summary>
    public static PrometheusText Parse(string text)
    {
        var series = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('#')) continue;
            // Label values may hold spaces (a programme's name): the sample's value comes after the closing brace.
            var end = line.IndexOf('{', StringComparison.Ordinal) >= 0 ? line.LastIndexOf('}') + 1 : line.IndexOf(' ', StringComparison.Ordinal);
            var value = line[end..].Trim().Split(' ')[0];
            series[line[..end]] = double.Parse(value, CultureInfo.InvariantCulture);
        }

        return new PrometheusText(text, series);
    }

    /// <summary>The series of metric <paramref name="name"/> whose labels include every one of <paramref name="labels"/>.</summary>
    public IReadOnlyDictionary<string, double> Of(string name, params (string Label, string Value)[] labels) =>
        Series.Where(s => (s.Key == name || s.Key.StartsWith(name + "{", StringComparison.Ordinal))
                          && labels.All(l => s.Key.Contains($"{l.Label}=\"{l.Value}\"", StringComparison.Ordinal)))
            .ToDictionary(s => s.Key, s => s.Value);

    /// <summary>The value of the one series of <paramref name="name"/> with <paramref name="labels"/>; 0 when there is none yet.</summary>
    public double Value(string name, params (string Label, string Value)[] labels) => Of(name, labels).Values.SingleOrDefault();
}
