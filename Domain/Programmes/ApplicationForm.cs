namespace Fachwerk.Domain.Programmes;

/// <summary>What kind of value an extra field of a programme's application form takes (ADR 0122).</summary>
public enum FormFieldKind
{
    /// <summary>Free text, at most <see cref="FormField.MaxLength"/> characters.</summary>
    Text,
    /// <summary>A number (decimal point), between <see cref="FormField.Min"/> and <see cref="FormField.Max"/>.</summary>
    Number,
    /// <summary>An amount in EUR with at most two decimals, between <see cref="FormField.Min"/> and <see cref="FormField.Max"/>.</summary>
    Money,
    /// <summary>A calendar day (yyyy-MM-dd), between <see cref="FormField.Earliest"/> and <see cref="FormField.Latest"/>.</summary>
    Date,
    /// <summary>One of the field's <see cref="FormField.Choices"/>, by value.</summary>
    Choice,
    /// <summary>Yes or no: <c>true</c> or <c>false</c>.</summary>
    YesNo,
    /// <summary>A document uploaded to the application, by its id.</summary>
    Document,
}

/// <summary>A text in German and English; German is the default, English falls back to German when not given.</summary>
/// <param name="De">The German text.</param>
/// <param name="En">The English text.</param>
public sealed record LocalText(string De, string? En = null)
{
    /// <summary>The text in the language <paramref name="language"/> ("de", "en"); German when there is no English.</summary>
    public string In(string language) => language.StartsWith("en", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(En) ? En : De;
}

/// <summary>One option of a choice field.</summary>
/// <param name="Value">What the application records (stable, e.g. <c>handwerk</c>).</param>
/// <param name="Label">What the applicant reads.</param>
public sealed record FieldChoice(string Value, LocalText Label);

/// <summary>
/// One extra field a programme's application asks for, beside the project plan: e.g. "Anzahl Ausbildungsbetriebe", a number from 1
/// to 50, required.
/// </summary>
/// <param name="Key">The field's key in the application's extra data (letters, digits, '-' and '_'; e.g. <c>betriebe</c>).</param>
/// <param name="Kind">What kind of value it takes.</param>
/// <param name="Required">Whether an application is submitted only with a value for it.</param>
/// <param name="Label">The field's label.</param>
/// <param name="Help">A help text shown beside it.</param>
/// <param name="MaxLength">Text: the most characters (default <see cref="ApplicationForm.DefaultMaxLength"/>).</param>
/// <param name="Min">Number, money: the lowest value.</param>
/// <param name="Max">Number, money: the highest value.</param>
/// <param name="Earliest">Date: the earliest day.</param>
/// <param name="Latest">Date: the latest day.</param>
/// <param name="Choices">Choice: the options, in the order shown.</param>
public sealed record FormField(
    string Key,
    FormFieldKind Kind,
    bool Required,
    LocalText Label,
    LocalText? Help = null,
    int? MaxLength = null,
    decimal? Min = null,
    decimal? Max = null,
    DateOnly? Earliest = null,
    DateOnly? Latest = null,
    IReadOnlyList<FieldChoice>? Choices = null);

/// <summary>
/// One version of a programme's application form: the extra fields its applications ask for. Versions count from 1; an application
/// keeps the version it was drafted with (ADR 0122).
/// </summary>
/// <param name="Version">The version, from 1.</param>
/// <param name="Fields">Its fields, in the order the applicant sees them.</param>
/// <param name="PublishedAt">When it was published.</param>
public sealed record ApplicationForm(int Version, IReadOnlyList<FormField> Fields, DateTimeOffset PublishedAt)
{
    public const int MaxFields = 30;
    public const int DefaultMaxLength = 2000;
    public const int MaxTextLength = 4000;

    public FormField? Field(string key) => Fields.FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.Ordinal));
}
