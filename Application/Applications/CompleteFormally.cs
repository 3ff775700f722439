using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>The caseworker finds the application complete; from now on the decision is due within the programme's reminder days.</summary>
public sealed record CompleteFormally(long ExpectedVersion, string? Reason = null) : IChangeCommand;

public sealed class CompleteFormallyValidator : ChangeCommandValidator<CompleteFormally>;

public static class CompleteFormallyEndpoint
{
    /// <summary>
    /// Finds the application formally complete. From then on a decision is due within the programme's days; answers the
    /// application's new version.
    /// </summary>
    [Authorize(Roles = Roles.Caseworker)]
    [WolverinePost("/api/applications/{applicationId}/formal-completeness")]
    public static (CommandAccepted, Events, OutgoingMessages) Post(
        CompleteFormally command,
        [WriteAggregate("applicationId")] FundingApplication application,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        var completed = ApplicationDecider.CompleteFormally(application, user.Stamp(clock));
        Events events = [completed];
        OutgoingMessages reminder = [new DecisionReminderDue(application.Id).ScheduledAt(completed.DecisionDueBy)];
        return (CommandAccepted.After(application.Id, command, events), events, reminder);
    }
}
