using System.Security.Claims;
using System.Text.Json.Serialization;
using Fachwerk.Application.Common;
using Fachwerk.Domain.People;
using JasperFx.Events;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.People;

/// <summary>
/// An administrator ends a person's binding (an organisation's own administrator a colleague's binding to that organisation), with the
/// reason; a token's claim does not bring it back.
/// </summary>
/// <param name="ExpectedVersion">The version of the person's record as last read.</param>
/// <param name="UserId">The person, by the user id the identity provider gives them (the token's <c>sub</c>).</param>
/// <param name="Kind">What the binding is to: an organisation, an alliance or a pilot project.</param>
/// <param name="TargetId">The id of the organisation, alliance or pilot project.</param>
/// <param name="Reason">Why, e.g. "Hat den Träger zum 30.6.2026 verlassen"; kept with the revocation.</param>
public sealed record RevokeBinding(long ExpectedVersion, string UserId, BindingKind Kind, Guid TargetId, string Reason) : IBindingCommand
{
    /// <summary>The person's stream, derived from the user id.</summary>
    [JsonIgnore]
    public Guid PersonId => Person.IdOf(UserId ?? "");
}

public sealed class RevokeBindingValidator : BindingCommandValidator<RevokeBinding>;

public static class RevokeBindingEndpoint
{
    // Before anything is looked up: an organisation administrator learns nothing about targets beyond their own organisation.
    public static void Before(RevokeBinding command, ClaimsPrincipal user) => BindingAccess.EnsureMayManage(user, command.Kind, command.TargetId);

    /// <summary>
    /// Ends a person's binding to an organisation, alliance or pilot project, with the reason. Takes effect with the person's next
    /// request; a token claiming it again does not bring it back. Answers the record's new version.
    /// </summary>
    [Authorize(Roles = Roles.BindingKeepers)]
    [WolverinePost("/api/admin/people/binding-revocations")]
    public static CommandAccepted Post(
        RevokeBinding command,
        [WriteAggregate(nameof(RevokeBinding.PersonId), Required = false)] IEventStream<Person> person,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        var revoked = PersonDecider.Revoke(person.Aggregate, command.UserId, new Binding(command.Kind, command.TargetId), command.Reason,
            user.Stamp(clock));
        person.AppendOne(revoked);
        return CommandAccepted.After(command.PersonId, command, [revoked]);
    }
}
