using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Network.Cooperation;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Network.Cooperation;

/// <summary>The parties extend the agreement's term.</summary>
/// <param name="NewEnd">The new last day of the agreement.</param>
public sealed record ExtendCooperationAgreement(long ExpectedVersion, DateOnly NewEnd, string? Reason = null) : IChangeCommand;

public sealed class ExtendCooperationAgreementValidator : ChangeCommandValidator<ExtendCooperationAgreement>
{
    public ExtendCooperationAgreementValidator()
    {
        RuleFor(x => x.NewEnd).PlausibleDate();
    }
}

public static class ExtendCooperationAgreementEndpoint
{
    /// <summary>Extends the agreement's term to a later day; answers its new version.</summary>
    [Authorize(Roles = NetworkRoles.Keepers)]
    [WolverinePost("/api/cooperation-agreements/{agreementId}/extension")]
    public static (CommandAccepted, Events) Post(
        ExtendCooperationAgreement command, [WriteAggregate("agreementId")] CooperationAgreement agreement, ClaimsPrincipal user, TimeProvider clock)
    {
        Events events = [CooperationDecider.Extend(agreement, command.NewEnd, user.Stamp(clock))];
        return (CommandAccepted.After(agreement.Id, command, events), events);
    }
}
