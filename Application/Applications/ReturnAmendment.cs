using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>The second person sends the pending amendment back to the caseworker, with the reason; the decision stays as it was.</summary>
public sealed record ReturnAmendment(long ExpectedVersion, string Reason) : IChangeCommand;

public sealed class ReturnAmendmentValidator() : ChangeCommandValidator<ReturnAmendment>(reasonRequired: true);

public static class ReturnAmendmentEndpoint
{
    /// <summary>Sends the pending amendment back to the caseworker, with the reason (four-eyes). Answers the application's new version.</summary>
    [Authorize(Roles = Roles.Approver)]
    [WolverinePost("/api/applications/{applicationId}/amendments/return")]
    public static (CommandAccepted, Events) Post(
        ReturnAmendment command,
        [WriteAggregate("applicationId")] FundingApplication application,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [AmendmentDecider.Return(application, command.Reason, user.Stamp(clock))];
        return (CommandAccepted.After(application.Id, command, events), events);
    }
}
