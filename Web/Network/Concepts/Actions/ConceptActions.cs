using Fachwerk.Application.Common;
using Fachwerk.Application.Network.Concepts;
using Fachwerk.Web.Network.Cohorts.Actions;
using Fachwerk.Web.Shared;

namespace Fachwerk.Web.Network.Concepts.Actions;

/// <summary>
/// Which steps of a concept the page offers a user, and when: to caseworkers and administrators (the API's
/// <c>NetworkRoles.Keepers</c>), becoming a project until it is one, the link to its funding application once it is a project and
/// until it is linked, as a courtesy. The API decides every time (a posted form is always handed to it).
/// </summary>
public static class ConceptActions
{
    public const string Adopt = "adopt-concept";
    public const string Link = "link-concept-application";

    /// <summary>The forms of the concept page, in the order the step choice lists them.</summary>
    public static readonly IReadOnlyList<string> OnConcept = [Adopt, Link];

    /// <summary>Every step that leads to the concept page, for the confirmation after a redirect (its development on the cohort page too).</summary>
    public static readonly IReadOnlyList<string> All = [CohortActions.Develop, .. OnConcept];

    /// <summary>Whether the page offers <paramref name="action"/> on <paramref name="concept"/> as it is to <paramref name="user"/>.</summary>
    public static bool Offers(string action, ConceptDetails concept, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(concept);
        if (!CohortActions.Records(user)) return false;
        return action switch
        {
            Adopt => concept.Project is null,
            Link => concept.Project is not null && concept.Application is null,
            _ => false,
        };
    }
}
