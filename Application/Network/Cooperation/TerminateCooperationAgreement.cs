using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Network.Cooperation;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Network.Cooperation;

/// <summary>The agreement ends before its term runs out (or an open-ended one ends), with the reason.</summary>
/// <param name="TerminatedOn">The day it ended.</param>
public sealed record TerminateCooperationAgreement(long ExpectedVersion, DateOnly TerminatedOn, string Reason) : IChangeCommand;

public sealed class TerminateCooperationAgreementValidator : ChangeCommandValidator<TerminateCooperationAgreement>
{
    public TerminateCooperationAgreementValidator() : base(reasonRequired: true)
    {
        RuleFor(x => x.TerminatedOn).PlausibleDate();
    }
}

public static class TerminateCooperationAgreementEndpoint
{
    /// <summary>Ends the agreement on a day within its term; answers its new version.</summary>
    [Authorize(Roles = NetworkRoles.Keepers)]
    [WolverinePost("/api/cooperation-agreements/{agreementId}/termination")]
    public static (CommandAccepted, Events) Post(
        TerminateCooperationAgreement command, [WriteAggregate("agreementId")] CooperationAgreement agreement, ClaimsPrincipal user, TimeProvider clock)
    {
        Events events = [CooperationDecider.Terminate(agreement, command.TerminatedOn, command.Reason, user.Stamp(clock))];
        return (CommandAccepted.After(agreement.Id, command, events), events);
    }
}
