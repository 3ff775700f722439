using Fachwerk.Web.Forms;

namespace Fachwerk.Web.Experts;

/// <summary>The fields of an expert's entry as the forms take them: the fields of expertise one per line.</summary>
public abstract class ExpertEntryInput : ActionInput
{
    public string? DisplayName { get; set; }

    public string? Affiliation { get; set; }

    /// <summary>The fields of expertise, one per line (commas also separate).</summary>
    public string? FieldsText { get; set; }

    public string? Email { get; set; }

    /// <summary>The fields of expertise as the command takes them.</summary>
    public IReadOnlyList<string> FieldList =>
        [.. (FieldsText ?? "").Split(['\n', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>Where the API's field errors of an entry go.</summary>
    public static FieldMap Map(FieldMap map, ExpertEntryInput input, Func<string, string> fieldId)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(fieldId);
        return map
            .Map("displayName", () => input.DisplayName, fieldId("name"), "experts.name")
            .Map("affiliation", () => input.Affiliation, fieldId("affiliation"), "experts.affiliation")
            .Map("fields", () => input.FieldsText, fieldId("fields"), "experts.fields")
            .Map("email", () => input.Email, fieldId("email"), "experts.email")
            .Map("reason", () => input.Reason, fieldId("reason"), "form.reason");
    }
}
