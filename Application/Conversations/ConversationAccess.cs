using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Conversations;

namespace Fachwerk.Application.Conversations;

/// <summary>
/// Who reads and writes a case's conversation. The applicant's people (bound to the applicant organisation) and the funding
/// authority's staff read the messages; only staff who do not act for the applicant read the internal notes, so nobody acting for
/// the applicant ever sees them, whatever other roles they hold. The alliance's reviewers take no part in the conversation.
/// </summary>
public static class ConversationAccess
{
    /// <summary>The side the user writes for: the applicant's people, the authority's caseworkers and approvers, or none.</summary>
    public static ConversationSide? SideOf(ClaimsPrincipal user, Guid applicantId)
    {
        if (ActsForApplicant(user, applicantId)) return ConversationSide.Applicant;
        if (user.HoldsAnyOf(Roles.CaseHandlers) && !user.IsBoundTo(UserClaims.Organisation, applicantId)) return ConversationSide.Authority;
        return null;
    }

    /// <summary>Staff who do not act for the applicant organisation: they alone read and write internal notes.</summary>
    public static bool ReadsInternalNotes(ClaimsPrincipal user, Guid applicantId) =>
        user.HoldsAnyOf(Roles.Staff) && !user.IsBoundTo(UserClaims.Organisation, applicantId);

    public static void EnsureMayRead(ClaimsPrincipal user, Guid applicantId)
    {
        if (ActsForApplicant(user, applicantId) || user.HoldsAnyOf(Roles.Staff)) return;
        throw new AccessDenied("The conversation on a case is read by its applicant's people and the funding authority.");
    }

    public static ConversationSide EnsureMayWriteMessage(ClaimsPrincipal user, Guid applicantId) =>
        SideOf(user, applicantId)
        ?? throw new AccessDenied("Messages on a case are written by its applicant's people and the authority's caseworkers and approvers.");

    public static void EnsureMayWriteInternalNote(ClaimsPrincipal user, Guid applicantId)
    {
        if (SideOf(user, applicantId) == ConversationSide.Authority) return;
        throw new AccessDenied("Internal notes are written by the authority's caseworkers and approvers who do not act for the applicant.");
    }

    private static bool ActsForApplicant(ClaimsPrincipal user, Guid applicantId) =>
        user.IsInRole(Roles.Applicant) && user.IsBoundTo(UserClaims.Organisation, applicantId);
}
