using System.Security.Claims;
using Fachwerk.Application.Budget;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

public static class CompleteInDepthCheckEndpoint
{
    /// <summary>
    /// Records the in-depth check of a proof of use drawn into the sample, with its findings. Without findings on the final
    /// proof the case may close; answers the application's new version.
    /// </summary>
    [Authorize(Roles = Roles.Caseworker)]
    [WolverinePost("/api/applications/{applicationId}/proofs-of-use/{proof}/in-depth-check")]
    public static (CommandAccepted, Events, OutgoingMessages) InDepthCheck(
        CompleteProofCheck command,
        string proof,
        [WriteAggregate("applicationId")] FundingApplication application,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [.. FundingDecider.CompleteInDepthCheck(application, proof, command.Findings, user.Stamp(clock))];
        return BudgetWorkflow.After(application, command, events);
    }
}
