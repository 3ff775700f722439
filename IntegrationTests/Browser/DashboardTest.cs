using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>What the dashboards' tests read: a table's cells, amounts and numbers as the page writes them in German, and a table's CSV and XLSX downloads.</summary>
public abstract partial class DashboardTest(BrowserFixture fixture) : BrowserTest(fixture)
{
    protected static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>The rows of the table named <paramref name="caption"/>, each cell's text.</summary>
    protected async Task<IReadOnlyList<string[]>> TableAsync(string caption)
    {
        var rows = Page.GetByRole(AriaRole.Table, new() { Name = caption }).Locator("tbody tr");
        var result = new List<string[]>();
        for (var i = 0; i < await rows.CountAsync(); i++)
            result.Add([.. (await rows.Nth(i).Locator("th, td").AllInnerTextsAsync()).Select(t => t.Trim())]);
        return result;
    }

    /// <summary>An amount as the page writes it in German ("3.250.000,00 €", "überschritten: -1.000,00 €"), or null when none is set.</summary>
    protected static decimal? Amount(string text) =>
        NotAmount().Replace(text, "") is { Length: > 0 } digits ? decimal.Parse(digits, NumberStyles.Number, German) : null;

    protected static string Plain(decimal? amount) => amount?.ToString("0.00", CultureInfo.InvariantCulture) ?? "";

    protected async Task<(string Name, IReadOnlyList<string[]> Rows)> CsvAsync(string table)
    {
        var (name, bytes) = await DownloadAsync(table, "CSV");
        using var csv = CsvReader.Create(bytes);
        var rows = new List<string[]>();
        var first = true;
        while (csv.Read())
        {
            if (first) rows.Add([.. csv.Headers.ToArray()]);
            first = false;
            rows.Add([.. Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i))]);
        }

        return (name, rows);
    }

    /// <summary>The first sheet's rows: text cells as strings, number cells as decimals, empty cells as null.</summary>
    protected async Task<(string Name, IReadOnlyList<object?[]> Rows)> XlsxAsync(string table)
    {
        var (name, bytes) = await DownloadAsync(table, "XLSX");
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<Row>().Select(row => row.Elements<Cell>().Select(cell => (object?)(cell.DataType?.Value == CellValues.Number
            ? decimal.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)
            : cell.InnerText is { Length: > 0 } text ? text : null)).ToArray()).ToList();
        return (name, rows);
    }

    protected async Task<(string Name, byte[] Bytes)> DownloadAsync(string table, string format)
    {
        var download = await Page.RunAndWaitForDownloadAsync(() =>
            Page.GetByRole(AriaRole.Link, new() { Name = $"Tabelle {table} als {format}", Exact = false }).ClickAsync());
        return (download.SuggestedFilename, await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken));
    }

    [GeneratedRegex(@"[^\d,\-]")]
    private static partial Regex NotAmount();

    /// <summary>A cell's words without the icon before them (a status badge's).</summary>
    protected static string Words(string text) => LeadingIcon().Replace(text, "");

    [GeneratedRegex(@"^[^\p{L}\d]+")]
    private static partial Regex LeadingIcon();

    /// <summary>The chart's description: what it tells in words.</summary>
    protected async Task<string> ChartDescriptionAsync(string title) =>
        await Page.GetByRole(AriaRole.Img, new() { Name = title }).Locator("desc").TextContentAsync() ?? "";
}
