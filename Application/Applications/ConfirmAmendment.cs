using System.Security.Claims;
using Fachwerk.Application.Budget;
using Fachwerk.Application.Common;
using Fachwerk.Application.Letters;
using Fachwerk.Domain.Applications;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>A second person confirms the pending amendment (four-eyes); a raise then waits for the budget workflow (ADR 0121).</summary>
public sealed record ConfirmAmendment(long ExpectedVersion, string? Reason = null) : IChangeCommand;

public sealed class ConfirmAmendmentValidator : ChangeCommandValidator<ConfirmAmendment>;

public static class ConfirmAmendmentEndpoint
{
    /// <summary>
    /// Confirms the pending amendment as the second person (four-eyes). One that raises the amount starts the budget workflow, which
    /// commits the extra money and puts the amendment in force shortly after, or blocks it with the reason: watch the application's
    /// <c>pendingAmendment</c> and <c>decisionVersions</c>. Any other amendment is the decision's new version at once.
    /// </summary>
    [Authorize(Roles = Roles.Approver)]
    [WolverinePost("/api/applications/{applicationId}/amendments/confirmation")]
    public static (CommandAccepted, Events, OutgoingMessages) Post(
        ConfirmAmendment command,
        [WriteAggregate("applicationId")] FundingApplication application,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [.. AmendmentDecider.Confirm(application, user.Stamp(clock))];
        var (accepted, appended, followUps) = BudgetWorkflow.After(application, command, events);
        AmendmentReminders.FollowUps(application, appended, followUps);
        return (accepted, appended, followUps);
    }
}

/// <summary>The deadline reminders of the proofs of use whose due date an amendment moved, and of its obligations' new due days.</summary>
public static class AmendmentReminders
{
    /// <summary>
    /// What follows a version put in force, in its transaction (the outbox): the proofs' and obligations' new deadline reminders and the
    /// change notice; <paramref name="application"/> is the grant before <paramref name="events"/>.
    /// </summary>
    public static void FollowUps(FundingApplication application, IReadOnlyList<object> events, OutgoingMessages messages)
    {
        foreach (var amended in events.OfType<DecisionAmended>())
        {
            Schedule(application, amended, messages);
            messages.Add(new IssueChangeNotice(application.Id, amended.Version, application.ApplicantId, application.ProgrammeId));
        }
        ScheduleObligations(application, events, messages);
    }

    public static void Schedule(FundingApplication application, DecisionAmended amended, OutgoingMessages messages)
    {
        foreach (var proof in amended.ProofsOfUse)
            if (application.Funding?.Proofs.FirstOrDefault(p => p.Proof == proof.Proof) is { Submitted: false } owed && owed.DueBy != proof.DueBy)
                messages.Add(ProofOfUseDeadlineReachedHandler.ScheduleFor(application.Id, proof.Proof, proof.DueBy));
    }

    /// <summary>
    /// The timers of the due days an amendment in force added: every due day of a new obligation, and the days a changed obligation did not
    /// have before (<paramref name="application"/> is the grant before the amendment). A lifted obligation's timers find nothing to do when
    /// they fire, as do a changed obligation's dropped days (the timer checks the state).
    /// </summary>
    public static void ScheduleObligations(FundingApplication application, IEnumerable<object> events, OutgoingMessages messages)
    {
        foreach (var @event in events)
        {
            var (number, days) = @event switch
            {
                ObligationImposed imposed => (imposed.Number, imposed.EvidenceDueDates),
                ObligationAmended amended => (amended.Number, amended.EvidenceDueDates.Except(
                    application.Obligations.FirstOrDefault(o => o.Number == amended.Number)?.Dues.Select(d => d.DueBy) ?? []).ToList()),
                _ => (0, []),
            };
            foreach (var day in days)
                messages.Add(ObligationEvidenceDeadlineReachedHandler.ScheduleFor(application.Id, number, day));
        }
    }
}
