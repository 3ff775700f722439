using System.Security.Claims;
using Fachwerk.Application.Budget;
using Fachwerk.Application.Common;
using Fachwerk.Application.Letters;
using Fachwerk.Domain.Applications;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>
/// A second person confirms the proposed decision (four-eyes). A rejection closes the application; an approval starts
/// the budget commitment workflow, which approves it once the money is committed (or blocks it with the reason).
/// </summary>
public sealed record ConfirmDecision(long ExpectedVersion, string? Reason = null) : IChangeCommand;

public sealed class ConfirmDecisionValidator : ChangeCommandValidator<ConfirmDecision>;

public static class ConfirmDecisionEndpoint
{
    /// <summary>
    /// Confirms a proposed decision as the second person (four-eyes). A rejection ends the application; an approval starts the
    /// budget workflow, which commits the money and approves the application shortly after (or blocks it, with the reason): watch
    /// the application's <c>status</c> (<c>AwaitingCommitment</c>, then <c>Approved</c> or <c>ApprovalBlocked</c>).
    /// </summary>
    [Authorize(Roles = Roles.Approver)]
    [WolverinePost("/api/applications/{applicationId}/decision-confirmation")]
    public static (CommandAccepted, Events, OutgoingMessages) Post(
        ConfirmDecision command,
        [WriteAggregate("applicationId")] FundingApplication application,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [.. ApplicationDecider.ConfirmDecision(application, user.Stamp(clock))];
        var (accepted, appended, followUps) = BudgetWorkflow.After(application, command, events);
        // A rejection is final at once: its letter (Ablehnungsbescheid) goes out with it; an approval's with the commitment.
        if (appended.OfType<ApplicationRejected>().Any()) followUps.Add(new IssueDecisionLetter(application.Id, application.ApplicantId, application.ProgrammeId));
        return (accepted, appended, followUps);
    }
}
