using Microsoft.AspNetCore.Components;

namespace Fachwerk.Web.Shared;

/// <summary>How a column's cells are aligned and read: text, or numbers and amounts (right-aligned).</summary>
public enum ColumnKind
{
    Text,
    Number,
}

/// <summary>
/// A column of a <see cref="DataTable{TItem}"/>: its heading (a text key), how a cell looks, and its plain value for an export
/// (a list page's CSV later writes <see cref="Export"/> under the same headings, so screen and file never disagree).
/// </summary>
public sealed record Column<TItem>(string HeadingKey, RenderFragment<TItem> Cell, Func<TItem, string?> Export, ColumnKind Kind = ColumnKind.Text)
{
    /// <summary>The cell that names the row (a table's row header, read first by a screen reader).</summary>
    public bool NamesRow { get; init; }

    public string? CssClass => Kind == ColumnKind.Number ? "number" : null;
}

public static class Columns
{
    /// <summary>The table as plain text rows, headings first: what an export writes.</summary>
    public static IEnumerable<IReadOnlyList<string>> ExportRows<TItem>(
        IReadOnlyList<Column<TItem>> columns, IEnumerable<TItem> items, Func<string, string> heading)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(heading);
        yield return [.. columns.Select(c => heading(c.HeadingKey))];
        foreach (var item in items)
            yield return [.. columns.Select(c => c.Export(item) ?? "")];
    }
}
