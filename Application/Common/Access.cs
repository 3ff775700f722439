using System.Linq.Expressions;
using System.Security.Claims;

namespace Fachwerk.Application.Common;

/// <summary>The claims Fachwerk reads from a token besides the standard ones.</summary>
public static class UserClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";

    /// <summary>An organisation the person acts for (as its applicant): from the person's recorded bindings, see RecordedBindings.</summary>
    public const string Organisation = "org";

    /// <summary>An alliance the person reviews for.</summary>
    public const string Alliance = "alliance";

    /// <summary>A pilot project the person leads.</summary>
    public const string Pilot = "pilot";
}

/// <summary>Why access was denied: the binding of the role that permits the operation, or separation of duties.</summary>
public enum AccessDenial
{
    /// <summary>The role that permits the operation is not bound to this organisation, alliance or pilot project.</summary>
    Binding,

    /// <summary>The caller acts for the applicant organisation of the case they would decide on.</summary>
    SeparationOfDuties,
}

/// <summary>The caller may not see or do this; answered 403 and written to the security log.</summary>
public sealed class AccessDenied(string message, AccessDenial kind = AccessDenial.Binding) : Exception(message)
{
    public AccessDenial Kind { get; } = kind;
}

/// <summary>
/// For whom a user may act or read, beyond the role an endpoint requires. Each operation checks the binding of the role that
/// permits it, whatever other roles the user holds: an applicant's operation needs the organisation (the applicant role's
/// binding) even when the user is also an auditor; a vote needs the reviewer's alliance even when the user is also an
/// approver. Only roles of the funding authority and the auditors (<see cref="Roles.Staff"/>) are bound to nothing, and they
/// pass without a binding only where the operation is theirs too (<c>withoutBinding</c>). Bindings come from the person's
/// records (<c>RecordedBindings</c>), a user may hold several of each kind.
/// </summary>
public static class Access
{
    /// <summary>The ids a user is bound to by <paramref name="claim"/> (organisation, alliance or pilot project).</summary>
    public static IReadOnlyList<Guid> BoundTo(this ClaimsPrincipal user, string claim) =>
        [.. user.FindAll(claim).Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct()];

    public static bool IsBoundTo(this ClaimsPrincipal user, string claim, Guid id) => user.BoundTo(claim).Contains(id);

    /// <summary>Whether the user holds one of <paramref name="roles"/> (comma-separated, as in <c>[Authorize(Roles = ...)]</c>).</summary>
    public static bool HoldsAnyOf(this ClaimsPrincipal user, string roles) =>
        roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Any(user.IsInRole);

    /// <summary>An applicant acts only for the organisations they are bound to; <paramref name="withoutBinding"/>: roles that read it anyway.</summary>
    public static void EnsureActsForOrganisation(this ClaimsPrincipal user, Guid organisationId, string withoutBinding = "")
    {
        if (user.HoldsAnyOf(withoutBinding)) return;
        if (user.IsInRole(Roles.Applicant) && user.IsBoundTo(UserClaims.Organisation, organisationId)) return;
        throw new AccessDenied("Applicants act only for the organisations they are bound to.");
    }

    /// <summary>An alliance reviewer acts only for the alliances they are bound to; <paramref name="withoutBinding"/>: roles that read it anyway.</summary>
    public static void EnsureActsForAlliance(this ClaimsPrincipal user, Guid allianceId, string withoutBinding = "")
    {
        if (user.HoldsAnyOf(withoutBinding)) return;
        if (user.IsInRole(Roles.AllianceReviewer) && user.IsBoundTo(UserClaims.Alliance, allianceId)) return;
        throw new AccessDenied("Alliance reviewers act only for their own alliance.");
    }

    /// <summary>A project lead acts only for the pilot projects they lead; <paramref name="withoutBinding"/>: roles that read it anyway.</summary>
    public static void EnsureActsForPilot(this ClaimsPrincipal user, Guid pilotId, string withoutBinding = "")
    {
        if (user.HoldsAnyOf(withoutBinding)) return;
        if (user.IsInRole(Roles.ProjectLead) && user.IsBoundTo(UserClaims.Pilot, pilotId)) return;
        throw new AccessDenied("Project leads act only for their own pilot project.");
    }

    /// <summary>An application is read by the funding authority's staff and auditors, by its applicant and by the reviewers of its alliance.</summary>
    public static void EnsureMayReadApplication(this ClaimsPrincipal user, Guid applicantId, Guid allianceId)
    {
        if (!user.MayReadApplication(applicantId, allianceId))
            throw new AccessDenied("Applications are read by the funding authority, their applicant and the reviewers of their alliance.");
    }

    /// <summary>Whether the user reads the application by their role and binding (external experts by their assignment: ExternalExpertAccess).</summary>
    public static bool MayReadApplication(this ClaimsPrincipal user, Guid applicantId, Guid allianceId) =>
        user.HoldsAnyOf(Roles.Staff)
        || (user.IsInRole(Roles.Applicant) && user.IsBoundTo(UserClaims.Organisation, applicantId))
        || (user.IsInRole(Roles.AllianceReviewer) && user.IsBoundTo(UserClaims.Alliance, allianceId));

    /// <summary>
    /// Whether the user is an external expert and nothing else: they call only the operations that name their role, not even those
    /// open to every signed-in user (the host's fallback policy refuses them).
    /// </summary>
    public static bool IsOnlyExternalExpert(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.ExternalExpert) && !user.HoldsAnyOf(Roles.AllButExternalExperts);

    /// <summary>
    /// Separation of duties: whoever acts for the applicant organisation of a case (is bound to it, whatever their roles) never
    /// decides on it for the funding authority or the alliance. The domain adds the same rule for the user ids recorded on the
    /// case (<c>SeparationOfDuties</c>).
    /// </summary>
    public static void EnsureNotActingForApplicant(this ClaimsPrincipal user, Guid applicantId)
    {
        if (user.IsBoundTo(UserClaims.Organisation, applicantId))
            throw new AccessDenied("You act for the applicant organisation of this application; someone else decides on it for the funding " +
                                   "authority and the alliance (separation of duties).", AccessDenial.SeparationOfDuties);
    }

    /// <summary>
    /// Which applications a list may show the caller: all for the funding authority's staff and auditors; otherwise those of the
    /// organisations the caller applies for and of the alliances they review for. Nobody else reads applications.
    /// </summary>
    public static ApplicationScope ApplicationScope(this ClaimsPrincipal user)
    {
        if (user.HoldsAnyOf(Roles.Staff)) return Common.ApplicationScope.Everything;
        var organisations = user.IsInRole(Roles.Applicant) ? user.BoundTo(UserClaims.Organisation) : [];
        var alliances = user.IsInRole(Roles.AllianceReviewer) ? user.BoundTo(UserClaims.Alliance) : [];
        if (organisations.Count == 0 && alliances.Count == 0)
            throw new AccessDenied("Applications are read by the funding authority, their applicants and the reviewers of their alliance.");
        return new ApplicationScope(organisations, alliances);
    }
}

/// <summary>A restriction of application lists to some applicant organisations and alliances (none for staff).</summary>
public sealed record ApplicationScope(IReadOnlyList<Guid>? ApplicantIds, IReadOnlyList<Guid>? AllianceIds)
{
    public static readonly ApplicationScope Everything = new(null, null);

    /// <summary>
    /// The rows of <paramref name="query"/> within the scope: whose applicant (selected by <paramref name="applicant"/>) is one of
    /// the organisations, or whose alliance is one of the alliances. One binding gives the same equality query as before.
    /// </summary>
    public IQueryable<T> Of<T>(IQueryable<T> query, Expression<Func<T, Guid>> applicant, Expression<Func<T, Guid>> alliance)
    {
        if (ApplicantIds is null && AllianceIds is null) return query;
        var row = applicant.Parameters[0];
        var allianceOfRow = new Rebind(alliance.Parameters[0], row).Visit(alliance.Body);
        Expression? filter = null;
        if (ApplicantIds is { Count: > 0 }) filter = OneOf(ApplicantIds, applicant.Body);
        if (AllianceIds is { Count: > 0 })
            filter = filter is null ? OneOf(AllianceIds, allianceOfRow) : Expression.OrElse(filter, OneOf(AllianceIds, allianceOfRow));
        return query.Where(Expression.Lambda<Func<T, bool>>(filter ?? Expression.Constant(false), row));
    }

    private static Expression OneOf(IReadOnlyList<Guid> ids, Expression member) =>
        ids.Count == 1
            ? Expression.Equal(member, Expression.Constant(ids[0]))
            : Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(Guid)], Expression.Constant(ids.ToArray()), member);

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
