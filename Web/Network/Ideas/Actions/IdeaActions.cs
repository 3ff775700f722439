using Fachwerk.Application.Common;
using Fachwerk.Application.Network.Ideas;
using Fachwerk.Domain.Network.Ideas;
using Fachwerk.Web.Shared;

namespace Fachwerk.Web.Network.Ideas.Actions;

/// <summary>
/// Which steps of a project idea the pages offer a user, and when: to caseworkers and administrators, and to the coordinator of
/// the idea's alliance (the token's <c>alliance</c> claim), while the idea is open or in preparation, as a courtesy. The API
/// decides every time (a posted form is always handed to it).
/// </summary>
public static class IdeaActions
{
    public const string Record = "record-idea";
    public const string Partner = "commit-idea-partner";
    public const string Realise = "realise-idea";
    public const string Drop = "drop-idea";

    /// <summary>The forms of the idea page, in the order the page shows them.</summary>
    public static readonly IReadOnlyList<string> OnIdea = [Partner, Realise, Drop];

    /// <summary>Every form of the idea pages, for the confirmation after a redirect.</summary>
    public static readonly IReadOnlyList<string> All = [Record, .. OnIdea];

    /// <summary>Whether the user records project ideas at all (staff any alliance's, a coordinator their own's).</summary>
    public static bool MayRecord(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return IsStaff(user) || user.Has(Roles.AllianceCoordinator);
    }

    /// <summary>Whether the page offers <paramref name="action"/> on <paramref name="idea"/> as it is to <paramref name="user"/>.</summary>
    public static bool Offers(string action, ProjectIdeaDetails idea, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(idea);
        return OnIdea.Contains(action) && Records(idea, user) && idea.Status is IdeaStatus.Open or IdeaStatus.InPreparation;
    }

    /// <summary>Staff record every alliance's ideas; a coordinator those of the alliances they coordinate.</summary>
    public static bool Records(ProjectIdeaDetails idea, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(idea);
        ArgumentNullException.ThrowIfNull(user);
        return IsStaff(user) || (user.Has(Roles.AllianceCoordinator) && user.Alliances.Contains(idea.AllianceId));
    }

    public static bool IsStaff(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Has(Roles.Caseworker) || user.Has(Roles.Administrator);
    }
}
