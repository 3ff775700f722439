using System.Globalization;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Http;
using SheetText = DocumentFormat.OpenXml.Spreadsheet.Text;

namespace Fachwerk.Web.Shared;

/// <summary>The file formats a table is exported in.</summary>
public enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// A table as an export writes it: its name, the headings in the user's language, and each cell's plain value
/// (<see cref="Column{TItem}.Export"/>), with the columns that hold numbers marked so a spreadsheet gets numbers, not text.
/// </summary>
public sealed record ExportTable(string Name, IReadOnlyList<string> Headings, IReadOnlyList<ColumnKind> Kinds, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>The table the page shows with <paramref name="columns"/>, as the export writes it.</summary>
    public static ExportTable Of<TItem>(string name, IReadOnlyList<Column<TItem>> columns, IEnumerable<TItem> items, Func<string, string> heading)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var rows = Columns.ExportRows(columns, items, heading).ToList();
        return new ExportTable(name, rows[0], [.. columns.Select(c => c.Kind)], rows[1..]);
    }
}

/// <summary>
/// The one export path of the UI's tables (ADR 0108): CSV (RFC 4180 with a byte order mark, so a spreadsheet reads the umlauts;
/// a cell a spreadsheet would run as a formula is escaped) and XLSX (DocumentFormat.OpenXml; numbers as numbers, text as
/// text, never a formula), both from the same <see cref="ExportTable"/>.
/// </summary>
public static class TableExport
{
    /// <summary>How every CSV of the UI is written.</summary>
    public static CsvWriterOptions CsvOptions => CsvWriterOptions.Default with { Injection = CsvInjection.Escape, WriteByteOrderMark = true };

    public static string Extension(ExportFormat format) => format == ExportFormat.Xlsx ? "xlsx" : "csv";

    /// <summary>The format an address names ("csv", "xlsx"), or null.</summary>
    public static ExportFormat? Parse(string? extension) => extension?.ToUpperInvariant() switch
    {
        "CSV" => ExportFormat.Csv,
        "XLSX" => ExportFormat.Xlsx,
        _ => null,
    };

    /// <summary>The table as a file to download, named <paramref name="fileName"/> plus the format's extension.</summary>
    public static async Task<IResult> FileAsync(ExportTable table, ExportFormat format, string fileName, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var buffer = new MemoryStream();
        if (format == ExportFormat.Xlsx) WriteXlsx(table, buffer);
        else await WriteCsvAsync(table, buffer, cancellation);
        var type = format == ExportFormat.Xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8";
        return Results.File(buffer.ToArray(), type, $"{fileName}.{Extension(format)}");
    }

    private static async Task WriteCsvAsync(ExportTable table, Stream output, CancellationToken cancellation)
    {
        await using var csv = CsvWriter.Create(output, CsvOptions, leaveOpen: true);
        await csv.WriteRecordAsync([.. table.Headings], cancellation);
        foreach (var row in table.Rows)
            await csv.WriteRecordAsync([.. row], cancellation);
    }

    private static void WriteXlsx(ExportTable table, Stream output)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheet = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        sheet.Worksheet = new Worksheet(data);

        data.Append(Row(1, table.Headings, _ => false));
        for (var i = 0; i < table.Rows.Count; i++)
            data.Append(Row((uint)i + 2, table.Rows[i], column => table.Kinds[column] == ColumnKind.Number));

        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = SheetName(table.Name) }));
    }

    private static Row Row(uint number, IReadOnlyList<string> values, Func<int, bool> numeric)
    {
        var row = new Row { RowIndex = number };
        for (var column = 0; column < values.Count; column++)
        {
            var reference = ColumnLetters(column) + number.ToString(CultureInfo.InvariantCulture);
            var value = values[column];
            // A number column's empty cell (no planning figure) stays empty rather than becoming 0.
            row.Append(numeric(column) && decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _)
                ? new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(value) }
                : new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new SheetText(value) { Space = SpaceProcessingModeValues.Preserve }) });
        }

        return row;
    }

    /// <summary>A, B, …, Z, AA, …: the spreadsheet's name of a column.</summary>
    private static string ColumnLetters(int index) =>
        index < 26 ? ((char)('A' + index)).ToString() : ColumnLetters(index / 26 - 1) + (char)('A' + index % 26);

    /// <summary>A sheet's name: at most 31 characters, none of those a spreadsheet refuses.</summary>
    private static string SheetName(string name)
    {
        var clean = new string([.. name.Select(c => "[]:*?/\\".Contains(c, StringComparison.Ordinal) ? ' ' : c)]).Trim();
        return clean.Length == 0 ? "Sheet1" : clean[..Math.Min(31, clean.Length)];
    }
}
