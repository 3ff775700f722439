using System.Linq.Expressions;
using Microsoft.AspNetCore.Components.Forms;

namespace Fachwerk.Web.Forms;

/// <summary>
/// Where the API's field errors belong on a form: each JSON path the command's validator may name (<c>documents</c>, and with
/// it <c>documents[2]</c> or <c>plan.title</c> below it) is mapped to the form field that feeds it.
/// </summary>
public sealed class FieldMap
{
    private readonly List<(string Path, FieldIdentifier Field)> _entries = [];
    private readonly List<FormField> _fields = [];

    /// <summary>The form's fields in their order on the form, for the error summary's links.</summary>
    public IReadOnlyList<FormField> Fields => _fields;

    /// <param name="jsonPath">The command's JSON path the field feeds.</param>
    /// <param name="field">The input property.</param>
    /// <param name="id">The input element's id.</param>
    /// <param name="labelKey">The text key of the field's label.</param>
    public FieldMap Map(string jsonPath, Expression<Func<object?>> field, string id, string labelKey)
    {
        var identifier = FieldIdentifier.Create(field);
        _entries.Add((jsonPath, identifier));
        if (!_fields.Any(f => f.Field.Equals(identifier))) _fields.Add(new FormField(identifier, id, labelKey));
        return this;
    }

    /// <summary>A field whose input is no property (e.g. a programme's extra field, keyed in a dictionary); the label is its text.</summary>
    public FieldMap Map(string jsonPath, FieldIdentifier identifier, string id, string label)
    {
        _entries.Add((jsonPath, identifier));
        if (!_fields.Any(f => f.Field.Equals(identifier))) _fields.Add(new FormField(identifier, id, label));
        return this;
    }

    /// <summary>
    /// The extra fields of a programme's application form (ADR 0122), keyed in <paramref name="values"/>: the API names them
    /// <c>extra.&lt;key&gt;</c>. Nothing when there is no form.
    /// </summary>
    public FieldMap MapExtra(Fachwerk.Domain.Programmes.ApplicationForm? form, IDictionary<string, string?> values, Func<string, string> idOf)
    {
        ArgumentNullException.ThrowIfNull(idOf);
        foreach (var field in form?.Fields ?? [])
            Map(Fachwerk.Domain.Applications.ExtraDataDecider.FieldPrefix + field.Key, new FieldIdentifier(values, field.Key), idOf(field.Key),
                Fachwerk.Web.Applications.ExtraValues.Label(field));
        return this;
    }

    /// <summary>The form field for <paramref name="jsonPath"/>, or null when the error concerns the form as a whole.</summary>
    public FieldIdentifier? FieldOf(string jsonPath)
    {
        ArgumentNullException.ThrowIfNull(jsonPath);
        foreach (var (path, field) in _entries.OrderByDescending(e => e.Path.Length))
        {
            if (string.Equals(jsonPath, path, StringComparison.OrdinalIgnoreCase)
                || (jsonPath.StartsWith(path, StringComparison.OrdinalIgnoreCase) && jsonPath.Length > path.Length && jsonPath[path.Length] is '[' or '.'))
                return field;
        }

        return null;
    }
}

/// <summary>A field of a form: its input property, its element id and its label's text key.</summary>
public sealed record FormField(FieldIdentifier Field, string Id, string LabelKey);
