using System.Security.Claims;
using System.Text.Json.Serialization;
using Fachwerk.Application.Common;
using Fachwerk.Domain.People;
using Marten;
using JasperFx.Events;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.People;

/// <summary>
/// An administrator binds a person to an organisation, alliance or pilot project, with the reason; an organisation's own administrator
/// binds a colleague to that organisation.
/// </summary>
/// <param name="ExpectedVersion">The version of the person's record as last read (0 while nothing is recorded for them).</param>
/// <param name="UserId">The person, by the user id the identity provider gives them (the token's <c>sub</c>).</param>
/// <param name="Kind">What the person is bound to: an organisation (as its applicant), an alliance (as its reviewer) or a pilot
/// project (as its lead).</param>
/// <param name="TargetId">The id of the organisation, alliance or pilot project.</param>
/// <param name="Reason">Why, e.g. "Geschäftsführerin von Haus Steinstraße e.V. seit 1.4.2026"; kept with the binding.</param>
public sealed record GrantBinding(long ExpectedVersion, string UserId, BindingKind Kind, Guid TargetId, string Reason) : IBindingCommand
{
    /// <summary>The person's stream, derived from the user id.</summary>
    [JsonIgnore]
    public Guid PersonId => Person.IdOf(UserId ?? "");
}

public sealed class GrantBindingValidator : BindingCommandValidator<GrantBinding>;

public static class GrantBindingEndpoint
{
    // Before anything is looked up: an organisation administrator learns nothing about targets beyond their own organisation.
    public static void Before(GrantBinding command, ClaimsPrincipal user) => BindingAccess.EnsureMayManage(user, command.Kind, command.TargetId);

    public static Task LoadAsync(GrantBinding command, IQuerySession session, CancellationToken cancellation) =>
        BindingTargets.EnsureExistsAsync(session, new Binding(command.Kind, command.TargetId), cancellation);

    /// <summary>
    /// Binds a person to an organisation (as its applicant), an alliance (as its reviewer) or a pilot project (as its lead), with the
    /// reason. Takes effect with the person's next request; answers the record's new version.
    /// </summary>
    [Authorize(Roles = Roles.BindingKeepers)]
    [WolverinePost("/api/admin/people/bindings")]
    public static CommandAccepted Post(
        GrantBinding command,
        [WriteAggregate(nameof(GrantBinding.PersonId), Required = false)] IEventStream<Person> person,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        var granted = PersonDecider.Grant(person.Aggregate, command.UserId, new Binding(command.Kind, command.TargetId), command.Reason,
            user.Stamp(clock));
        person.AppendOne(granted);
        return CommandAccepted.After(command.PersonId, command, [granted]);
    }
}
