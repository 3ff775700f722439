using Fachwerk.Web.Api;

namespace Fachwerk.Web.Forms;

/// <summary>What became of a form the API did not accept; the user's input is kept in every case.</summary>
public enum FormOutcomeKind
{
    /// <summary>400: fields to correct (shown next to them).</summary>
    Invalid,

    /// <summary>409 stale version: the record changed since the page was loaded; the form can be sent again on the new state.</summary>
    Stale,

    /// <summary>409: a business rule refuses the step in the record's current state.</summary>
    Refused,

    /// <summary>403: the user's role or binding does not allow it.</summary>
    Forbidden,

    /// <summary>404: the record does not exist (any more).</summary>
    NotFound,

    /// <summary>The service failed or could not be reached.</summary>
    Failed,
}

/// <summary>A fact of a record as the page showed it, and as it is now.</summary>
public sealed record FactChange(string Label, string Before, string After);

/// <summary>
/// The API's refusal of a form, in the form's terms: the kind, the problem itself, the field errors that belong to no field
/// (<see cref="FormErrors"/>), what changed meanwhile (stale version), and the role the step needs (forbidden).
/// </summary>
public sealed class FormOutcome(FormOutcomeKind kind, ApiProblem problem)
{
    public FormOutcomeKind Kind { get; } = kind;

    public ApiProblem Problem { get; } = problem;

    /// <summary>Field errors of the whole form (a path no field feeds), as the API wrote them.</summary>
    public List<string> FormErrors { get; } = [];

    /// <summary>How many field errors are shown next to their fields.</summary>
    public int FieldErrorCount { get; set; }

    public IReadOnlyList<FactChange> Changes { get; set; } = [];

    public static FormOutcomeKind KindOf(ApiProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem switch
        {
            { IsValidation: true } => FormOutcomeKind.Invalid,
            { IsStaleVersion: true } => FormOutcomeKind.Stale,
            { IsRuleRefusal: true } => FormOutcomeKind.Refused,
            { Status: 403 } => FormOutcomeKind.Forbidden,
            { Status: 404 } => FormOutcomeKind.NotFound,
            _ => FormOutcomeKind.Failed,
        };
    }
}
