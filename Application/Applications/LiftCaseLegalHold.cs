using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>Lifts the legal hold on a case's records before its day (e.g. the audit ended early); the reason is required.</summary>
public sealed record LiftCaseLegalHold(long ExpectedVersion, string Reason) : IChangeCommand;

public sealed class LiftCaseLegalHoldValidator() : ChangeCommandValidator<LiftCaseLegalHold>(reasonRequired: true);

public static class LiftCaseLegalHoldEndpoint
{
    /// <summary>
    /// Lifts the legal hold on the case's records, with the reason; the applicant person's data are then erasable after the retention
    /// period again. Answers the application's new version.
    /// </summary>
    [Authorize(Roles = Roles.Caseworker)]
    [WolverinePost("/api/applications/{applicationId}/legal-hold/lifting")]
    public static (CommandAccepted, Events) Post(
        LiftCaseLegalHold command,
        [WriteAggregate("applicationId")] FundingApplication application,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [ApplicantPersonDecider.LiftLegalHold(application, command.Reason, user.Stamp(clock))];
        return (CommandAccepted.After(application.Id, command, events), events);
    }
}
