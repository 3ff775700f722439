using System.Collections.Immutable;
using System.Globalization;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Programmes;

namespace Fachwerk.Domain.Applications;

/// <summary>
/// Pure decisions on an application's extra data (ADR 0122): values are checked against the form version the application was
/// drafted with, kinds and limits always, required fields from submission on. Refusals name the field (<c>extra.&lt;key&gt;</c>).
/// </summary>
public static class ExtraDataDecider
{
    /// <summary>The prefix of an extra field's path in commands and refusals.</summary>
    public const string FieldPrefix = "extra.";

    /// <summary>
    /// The applicant sets the values of the extra fields (all of them: fields not named are emptied), until the application is
    /// formally complete; a submitted one keeps its required fields. Unchanged values record nothing.
    /// </summary>
    public static IReadOnlyList<object> Set(
        FundingApplication application, FundingProgramme programme, IReadOnlyDictionary<string, string?> values, Stamp stamp)
    {
        SeparationOfDuties.EnsureMayActForApplicant(application, stamp);
        if (application.Status is not (ApplicationStatus.Draft or ApplicationStatus.Submitted or ApplicationStatus.DocumentsRequested))
            throw new RuleViolation("application.illegal-transition",
                $"An application's extra data cannot be changed once it is formally complete; this one is {application.Status}.");
        if (application.Extra is not { } extra || programme.Form(extra.FormVersion) is not { } form)
            throw new RuleViolation("application.no-form", $"{programme.Name} asked for no extra data when this application was drafted.");

        var checkedValues = Checked(form, values, complete: application.Status != ApplicationStatus.Draft, application.Documents);
        if (checkedValues.Count == extra.Values.Count && checkedValues.All(v => extra.Values.TryGetValue(v.Key, out var old) && old == v.Value))
            return [];
        return [new ApplicationExtraDataSet(application.Id, form.Version, checkedValues, stamp.By, stamp.At)];
    }

    /// <summary>The extra data a new draft starts with: the programme's current form version and the values given, checked against it.</summary>
    public static ApplicationExtra? ForDraft(FundingProgramme programme, IReadOnlyDictionary<string, string?>? values)
    {
        if (programme.CurrentForm is not { } form)
        {
            if (values?.Any(v => !string.IsNullOrWhiteSpace(v.Value)) == true)
                throw new RuleViolation("application.no-form", $"{programme.Name} asks for no extra data.");
            return null;
        }

        // A new draft has no documents yet: a document field is filled in once one is uploaded.
        return new ApplicationExtra(form.Version, Checked(form, values ?? ImmutableDictionary<string, string?>.Empty, complete: false, ImmutableHashSet<Guid>.Empty));
    }

    /// <summary>At submission every required field of the application's form version has a value; a later version changes nothing.</summary>
    public static void EnsureComplete(FundingApplication application, FundingProgramme programme)
    {
        if (application.Extra is not { } extra || programme.Form(extra.FormVersion) is not { } form) return;
        Checked(form, extra.Values.ToDictionary(v => v.Key, string? (v) => v.Value), complete: true, application.Documents);
    }

    /// <summary>
    /// The values checked against <paramref name="form"/> and written in the invariant format, empty ones left out; every field
    /// that breaks a rule is refused at once (<see cref="InvalidFields"/>). A document field names one of <paramref name="documents"/>,
    /// the application's own documents.
    /// </summary>
    public static ImmutableSortedDictionary<string, string> Checked(
        ApplicationForm form, IReadOnlyDictionary<string, string?> values, bool complete, IReadOnlySet<Guid> documents)
    {
        var errors = new List<FieldError>();
        var result = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (key, raw) in values)
        {
            var text = raw?.Trim() ?? "";
            if (form.Field(key) is not { } field)
            {
                if (text.Length > 0)
                    errors.Add(new FieldError(FieldPrefix + key, "form.unknown-field", $"Form version {form.Version} has no field '{key}'."));
                continue;
            }

            if (text.Length == 0) continue;
            var (value, error) = Parse(field, text, documents);
            if (error is not null) errors.Add(error);
            else result[field.Key] = value!;
        }

        if (complete)
            errors.AddRange(form.Fields.Where(f => f.Required && !result.ContainsKey(f.Key) && errors.All(e => e.Field != FieldPrefix + f.Key))
                .Select(f => new FieldError(FieldPrefix + f.Key, "form.required", $"'{f.Label.De}' is required.")));
        if (errors.Count > 0) throw new InvalidFields(errors);
        return result.ToImmutable();
    }

    private static (string? Value, FieldError? Error) Parse(FormField field, string text, IReadOnlySet<Guid> documents)
    {
        var path = FieldPrefix + field.Key;
        FieldError Refuse(string code, string message) => new(path, code, message);
        var invariant = CultureInfo.InvariantCulture;
        switch (field.Kind)
        {
            case FormFieldKind.Text:
                var maxLength = field.MaxLength ?? ApplicationForm.DefaultMaxLength;
                return text.Length > maxLength
                    ? (null, Refuse("form.too-long", $"At most {maxLength} characters; {text.Length} given."))
                    : (text, null);
            case FormFieldKind.Number or FormFieldKind.Money:
                if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, invariant, out var number))
                    return (null, Refuse("form.not-a-number", $"'{text}' is not a number (use a decimal point)."));
                if (field.Kind == FormFieldKind.Money && decimal.Round(number, 2) != number)
                    return (null, Refuse("form.not-money", $"'{text}' has more than two decimals (cents)."));
                if (number < field.Min)
                    return (null, Refuse("form.below-min", $"{number.ToString(invariant)} is below the lowest value {field.Min.Value.ToString(invariant)}."));
                if (number > field.Max)
                    return (null, Refuse("form.above-max", $"{number.ToString(invariant)} is above the highest value {field.Max.Value.ToString(invariant)}."));
                return (field.Kind == FormFieldKind.Money ? number.ToString("0.00", invariant) : (number / 1.000000000000000000000000000000000m).ToString(invariant), null);
            case FormFieldKind.Date:
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", invariant, DateTimeStyles.None, out var day))
                    return (null, Refuse("form.not-a-date", $"'{text}' is not a day (yyyy-MM-dd)."));
                if (day < field.Earliest)
                    return (null, Refuse("form.before-earliest", $"{day:yyyy-MM-dd} is before the earliest day {field.Earliest:yyyy-MM-dd}."));
                if (day > field.Latest)
                    return (null, Refuse("form.after-latest", $"{day:yyyy-MM-dd} is after the latest day {field.Latest:yyyy-MM-dd}."));
                return (day.ToString("yyyy-MM-dd", invariant), null);
            case FormFieldKind.Choice:
                return field.Choices?.FirstOrDefault(c => c.Value == text) is { } choice
                    ? (choice.Value, null)
                    : (null, Refuse("form.unknown-choice", $"'{text}' is not one of {string.Join(", ", (field.Choices ?? []).Select(c => c.Value))}."));
            case FormFieldKind.YesNo:
                return bool.TryParse(text, out var yes)
                    ? (yes ? "true" : "false", null)
                    : (null, Refuse("form.not-yes-no", $"'{text}' is neither true nor false."));
            case FormFieldKind.Document:
                if (!Guid.TryParse(text, out var document) || document == Guid.Empty)
                    return (null, Refuse("form.not-a-document", $"'{text}' is not the id of a document."));
                return documents.Contains(document)
                    ? (document.ToString("D"), null)
                    : (null, Refuse("form.unknown-document", $"Document {document:D} was not uploaded to this application."));
            default:
                return (null, Refuse("form.invalid-kind", $"Field '{field.Key}' has no known kind."));
        }
    }
}
