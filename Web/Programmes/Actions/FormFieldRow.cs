using System.Globalization;
using Fachwerk.Domain.Programmes;

namespace Fachwerk.Web.Programmes.Actions;

/// <summary>
/// One field of the application form editor (<c>PublishApplicationFormForm</c>) as the page posts it: the field's definition as
/// inputs, its choices as lines of text (<c>value | Deutsch | English</c>), its place in the order, and whether to remove it.
/// </summary>
public sealed class FormFieldRow
{
    public string? Key { get; set; }
    public FormFieldKind Kind { get; set; } = FormFieldKind.Text;
    public bool Required { get; set; }
    public string? LabelDe { get; set; }
    public string? LabelEn { get; set; }
    public string? HelpDe { get; set; }
    public string? HelpEn { get; set; }
    public int? MaxLength { get; set; }
    public decimal? Min { get; set; }
    public decimal? Max { get; set; }
    public DateOnly? Earliest { get; set; }
    public DateOnly? Latest { get; set; }

    /// <summary>The choices, one a line: <c>value | German label | English label</c> (a line with one part is value and label).</summary>
    public string? Choices { get; set; }

    /// <summary>Where the field stands among the fields (1 first); rows without a number keep their place.</summary>
    public int? Position { get; set; }

    /// <summary>Whether the field is left out of the next version.</summary>
    public bool Remove { get; set; }

    /// <summary>Whether the row is sent: not removed, and something typed into it (an empty new row is not).</summary>
    public bool IsSent => !Remove && !(string.IsNullOrWhiteSpace(Key) && string.IsNullOrWhiteSpace(LabelDe));

    public static FormFieldRow Of(FormField field, int position)
    {
        ArgumentNullException.ThrowIfNull(field);
        return new FormFieldRow
        {
            Key = field.Key, Kind = field.Kind, Required = field.Required, LabelDe = field.Label.De, LabelEn = field.Label.En,
            HelpDe = field.Help?.De, HelpEn = field.Help?.En, MaxLength = field.MaxLength, Min = field.Min, Max = field.Max,
            Earliest = field.Earliest, Latest = field.Latest, Position = position,
            Choices = field.Choices is { Count: > 0 } choices ? string.Join("\n", choices.Select(Line)) : null,
        };
    }

    /// <summary>
    /// The field as the command takes it. Only the limits of the row's kind are sent: a limit typed for another kind (the user
    /// changed the kind) is left out rather than refused.
    /// </summary>
    public FormField ToField() => new(
        Key?.Trim() ?? "",
        Kind,
        Required,
        new LocalText(LabelDe?.Trim() ?? "", Trimmed(LabelEn)),
        Trimmed(HelpDe) is null && Trimmed(HelpEn) is null ? null : new LocalText(Trimmed(HelpDe) ?? "", Trimmed(HelpEn)),
        Kind == FormFieldKind.Text ? MaxLength : null,
        Kind is FormFieldKind.Number or FormFieldKind.Money ? Min : null,
        Kind is FormFieldKind.Number or FormFieldKind.Money ? Max : null,
        Kind == FormFieldKind.Date ? Earliest : null,
        Kind == FormFieldKind.Date ? Latest : null,
        Kind == FormFieldKind.Choice ? ParsedChoices() : null);

    /// <summary>The choice lines as choices; blank lines are skipped.</summary>
    public IReadOnlyList<FieldChoice> ParsedChoices() =>
    [
        .. (Choices ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select(line =>
        {
            var parts = line.Split('|').Select(p => p.Trim()).ToArray();
            return parts.Length == 1
                ? new FieldChoice(parts[0], new LocalText(parts[0]))
                : new FieldChoice(parts[0], new LocalText(parts[1], parts.Length > 2 && parts[2].Length > 0 ? parts[2] : null));
        }),
    ];

    private static string Line(FieldChoice choice) =>
        choice.Label.En is { } en ? $"{choice.Value} | {choice.Label.De} | {en}"
        : choice.Label.De == choice.Value ? choice.Value
        : $"{choice.Value} | {choice.Label.De}";

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>A decimal as the number input takes it (a decimal point, no grouping).</summary>
    public static string? Invariant(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);
}
