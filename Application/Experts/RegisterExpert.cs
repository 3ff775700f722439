using System.Security.Claims;
using System.Text.Json.Serialization;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Experts;
using FluentValidation;
using JasperFx.Events;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Experts;

/// <summary>Enters a user in the directory of external experts (ADR 0130): from then on caseworkers may assign them to review.</summary>
/// <param name="UserId">The user id the expert signs in with (the token's <c>sub</c>; their account has the role external-expert).</param>
/// <param name="DisplayName">The expert's name as caseworkers and the reviews table show it, e.g. "Prof. Dr. Erika Expertin".</param>
/// <param name="Affiliation">The organisation they work for, if any, e.g. "Hochschule Hannover".</param>
/// <param name="Fields">Their fields of expertise, 1 to 10 short texts, e.g. "Arbeitsmarktpolitik".</param>
/// <param name="Email">Their e-mail address, if given.</param>
public sealed record RegisterExpert(
    string UserId, string DisplayName, string? Affiliation, IReadOnlyList<string>? Fields, string? Email = null, string? Reason = null)
    : IExpertEntryCommand
{
    /// <summary>The entry's stream, derived from the user id.</summary>
    [JsonIgnore]
    public Guid ExpertId => Expert.IdOf(UserId ?? "");
}

public sealed class RegisterExpertValidator : AbstractValidator<RegisterExpert>
{
    public RegisterExpertValidator()
    {
        RuleFor(x => x.UserId).NotEmpty().WithMessage("Name the expert's user id.").MaximumLength(CommonRules.ShortTextLength);
        this.EntryRules();
    }
}

public static class RegisterExpertEndpoint
{
    /// <summary>
    /// Enters a user in the directory of external experts, with their name, affiliation, fields of expertise and e-mail address.
    /// A user is entered once (409 <c>expert.already-registered</c>); answers the entry's id and version.
    /// </summary>
    [Authorize(Roles = Roles.ExpertDirectoryKeepers)]
    [WolverinePost("/api/experts")]
    public static StreamCreated Post(
        RegisterExpert command,
        [WriteAggregate(nameof(RegisterExpert.ExpertId), Required = false)] IEventStream<Expert> expert,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        var registered = ExpertDecider.Register(expert.Aggregate, command.UserId.Trim(),
            new ExpertProfile(command.DisplayName, command.Affiliation, command.Fields ?? [], command.Email), user.Stamp(clock));
        expert.AppendOne(registered);
        return new StreamCreated(registered.ExpertId, 1, "/api/experts");
    }
}
