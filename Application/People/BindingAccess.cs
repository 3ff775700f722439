using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.People;

namespace Fachwerk.Application.People;

/// <summary>
/// Who manages which bindings (ADR 0078): administrators any; an organisation's own administrator only bindings to an organisation
/// they are bound to themselves, so they bring colleagues in and let them go but never reach another organisation, an alliance or
/// a pilot project.
/// </summary>
public static class BindingAccess
{
    public static void EnsureMayManage(ClaimsPrincipal user, BindingKind kind, Guid targetId)
    {
        if (user.IsInRole(Roles.Administrator)) return;
        if (user.IsInRole(Roles.OrganisationAdministrator) && kind == BindingKind.Organisation && user.IsBoundTo(UserClaims.Organisation, targetId)) return;
        throw new AccessDenied("Organisation administrators bind colleagues to their own organisation only; other bindings are kept by the administrators.");
    }

    /// <summary>What of a person's record the caller may read: all for auditors and administrators, else the bindings to the caller's organisations.</summary>
    public static PersonView VisibleTo(ClaimsPrincipal user, PersonView person)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (user.HoldsAnyOf(Roles.Auditors)) return person;
        var own = user.BoundTo(UserClaims.Organisation);
        bool Mine(BindingKind kind, Guid target) => kind == BindingKind.Organisation && own.Contains(target);
        return person with
        {
            Bindings = [.. person.Bindings.Where(b => Mine(b.Kind, b.TargetId))],
            Revoked = [.. person.Revoked.Where(b => Mine(b.Kind, b.TargetId))],
        };
    }
}
