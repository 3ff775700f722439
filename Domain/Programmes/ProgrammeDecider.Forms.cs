using System.Text.Json;
using System.Text.RegularExpressions;
using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Programmes;

public static partial class ProgrammeDecider
{
    /// <summary>
    /// Publishes a new version of the programme's application form (ADR 0122): the extra fields applications drafted from now on ask
    /// for. Keys are unique, limits fit their kind, a choice field offers choices. The same fields as the current version record
    /// nothing; applications drafted on earlier versions keep theirs.
    /// </summary>
    public static IReadOnlyList<object> PublishApplicationForm(FundingProgramme programme, IReadOnlyList<FormField> fields, Stamp stamp)
    {
        var cleaned = fields.Select(Cleaned).ToList();
        if (cleaned.Count > ApplicationForm.MaxFields)
            throw new RuleViolation("form.too-many-fields", $"An application form has at most {ApplicationForm.MaxFields} fields; {cleaned.Count} given.");
        foreach (var field in cleaned) EnsureSound(field);
        var duplicate = cleaned.GroupBy(f => f.Key, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new RuleViolation("form.duplicate-key", $"Field key '{duplicate.Key}' is used more than once.");
        if (programme.CurrentForm is { } current && Same(current.Fields, cleaned))
            return [];
        if (programme.CurrentForm is null && cleaned.Count == 0)
            return [];

        return [new ApplicationFormPublished(programme.Id, (programme.CurrentForm?.Version ?? 0) + 1, cleaned, stamp.By, stamp.At)];
    }

    private static void EnsureSound(FormField field)
    {
        if (!FieldKey().IsMatch(field.Key))
            throw new RuleViolation("form.invalid-key",
                $"Field key '{field.Key}' starts with a letter and has at most 40 letters, digits, '-' or '_'.");
        if (!Enum.IsDefined(field.Kind))
            throw new RuleViolation("form.invalid-kind", $"Field '{field.Key}' has no known kind.");
        if (field.Label.De.Length == 0)
            throw new RuleViolation("form.unlabelled-field", $"Field '{field.Key}' has no German label.");
        if (field.MaxLength is not null && (field.Kind != FormFieldKind.Text || field.MaxLength is < 1 or > ApplicationForm.MaxTextLength))
            throw new RuleViolation("form.invalid-limit",
                $"Field '{field.Key}': a maximum length belongs to a text field and lies from 1 to {ApplicationForm.MaxTextLength}.");
        if ((field.Min is not null || field.Max is not null) && field.Kind is not (FormFieldKind.Number or FormFieldKind.Money))
            throw new RuleViolation("form.invalid-limit", $"Field '{field.Key}': a lowest or highest value belongs to a number or money field.");
        if (field.Min > field.Max)
            throw new RuleViolation("form.invalid-limit", $"Field '{field.Key}': the lowest value {field.Min} is above the highest {field.Max}.");
        if ((field.Earliest is not null || field.Latest is not null) && field.Kind != FormFieldKind.Date)
            throw new RuleViolation("form.invalid-limit", $"Field '{field.Key}': an earliest or latest day belongs to a date field.");
        if (field.Earliest > field.Latest)
            throw new RuleViolation("form.invalid-limit", $"Field '{field.Key}': the earliest day is after the latest.");
        if (field.Kind == FormFieldKind.Choice)
        {
            var choices = field.Choices ?? [];
            if (choices.Count < 2)
                throw new RuleViolation("form.too-few-choices", $"Choice field '{field.Key}' offers at least two choices.");
            if (choices.Any(c => c.Value.Length == 0 || c.Label.De.Length == 0))
                throw new RuleViolation("form.invalid-choice", $"Every choice of field '{field.Key}' has a value and a German label.");
            if (choices.GroupBy(c => c.Value, StringComparer.Ordinal).Any(g => g.Count() > 1))
                throw new RuleViolation("form.invalid-choice", $"Field '{field.Key}' offers a choice value more than once.");
        }
        else if (field.Choices is { Count: > 0 })
            throw new RuleViolation("form.invalid-limit", $"Field '{field.Key}' is not a choice field and offers no choices.");
    }

    private static FormField Cleaned(FormField field) => field with
    {
        Key = field.Key.Trim(),
        Label = Cleaned(field.Label) ?? new LocalText(""),
        Help = Cleaned(field.Help),
        Choices = field.Choices is { Count: > 0 } choices ? [.. choices.Select(c => new FieldChoice(c.Value.Trim(), Cleaned(c.Label)!))] : null,
    };

    private static LocalText? Cleaned(LocalText? text) =>
        text is null || string.IsNullOrWhiteSpace(text.De) && string.IsNullOrWhiteSpace(text.En)
            ? null
            : new LocalText((text.De ?? "").Trim(), string.IsNullOrWhiteSpace(text.En) ? null : text.En.Trim());

    // Records holding lists compare the lists by reference: the fields' JSON tells whether anything changed.
    private static bool Same(IReadOnlyList<FormField> current, IReadOnlyList<FormField> next) =>
        JsonSerializer.Serialize(current) == JsonSerializer.Serialize(next);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,39}$")]
    private static partial Regex FieldKey();
}
