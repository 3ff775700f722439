using System.Globalization;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;

namespace Fachwerk.Application.Applications;

/// <summary>The policy of who acts next on an application: which role, what they do, and by when.</summary>
public static class WhoActsNext
{
    /// <summary>The task of confirming a proposed payee account: a caseworker's, never the proposer's (ADR 0084).</summary>
    public const string PayeeAccountTask = "payee-account";

    /// <summary>Who acts next on an application in this state, what they do, and by when.</summary>
    public static IReadOnlyList<OpenTask> For(ApplicationSummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var tasks = ByStatus(s);
        // A proposed account waits for a second person whatever the status, until the case is closed (nothing is paid then).
        if (s.PayeeProposal is { } payee && s.Status != ApplicationStatus.Draft && !ApplicationLifecycle.IsClosed(s.Status))
            tasks = [.. tasks, new(PayeeAccountTask, Roles.Caseworker, "Confirm the proposed payee account", null, false, payee.ProposedBy)];
        return tasks;
    }

    private static IReadOnlyList<OpenTask> ByStatus(ApplicationSummary s)
    {
        var decision = s.DecisionDueBy;
        switch (s.Status)
        {
            case ApplicationStatus.Draft:
                return [new("application", Roles.Applicant, "Complete and submit the application", null, false)];
            case ApplicationStatus.Submitted:
                return [new("application", Roles.Caseworker, "Check the application for completeness", null, false)];
            case ApplicationStatus.DocumentsRequested:
                return [new("application", Roles.Applicant, "Supply the requested documents", s.DocumentsDueBy, false)];
            case ApplicationStatus.FormallyComplete when s.AllianceVoteRequired:
                return [new("application", Roles.AllianceReviewer, "Cast the alliance's vote", decision, s.DecisionReminderRaised)];
            case ApplicationStatus.FormallyComplete or ApplicationStatus.AllianceVoted:
                return [new("application", Roles.Caseworker, "Propose a decision", decision, s.DecisionReminderRaised)];
            case ApplicationStatus.DecisionProposed:
                return [new("application", Roles.Approver, "Confirm or return the proposed decision", decision, s.DecisionReminderRaised)];
            case ApplicationStatus.ApprovalBlocked:
                return [new("application", Roles.Caseworker, "The approval could not be funded: propose again or reject", decision, s.DecisionReminderRaised)];
            case ApplicationStatus.Approved or ApplicationStatus.ReclaimDemanded:
                return FundingTasks(s);
            default:
                return [];
        }
    }

    private static List<OpenTask> FundingTasks(ApplicationSummary s)
    {
        var tasks = new List<OpenTask>();
        foreach (var request in s.PaymentRequests)
        {
            var due = StartOf(request.NeededBy);
            if (request.Status == PaymentRequestStatus.Requested)
                tasks.Add(new($"payment-{request.Number}", Roles.Caseworker, $"Check payment request {request.Number} ({Eur(request.Amount)})", due, false));
            else if (request.Status == PaymentRequestStatus.Checked)
                tasks.Add(new($"payment-{request.Number}", Roles.Caseworker, $"Release payment {request.Number} ({Eur(request.Amount)})", due, false));
        }

        foreach (var proof in s.Proofs)
        {
            if (proof.SubmittedAt is null)
                tasks.Add(new($"proof-{proof.Proof}", Roles.Applicant, $"Submit the proof of use '{proof.Proof}'", EndOf(proof.DueBy), proof.Overdue));
            else if (proof.FirstCheckedAt is null)
                tasks.Add(new($"proof-{proof.Proof}", Roles.Caseworker, $"First check of the proof of use '{proof.Proof}'",
                    proof.SubmittedAt.Value.AddMonths(FundingDecider.FirstCheckMonths), false));
            else if (proof.SelectedAt is { } selected && proof.InDepthCheckedAt is null)
                tasks.Add(new($"proof-{proof.Proof}", Roles.Caseworker, $"In-depth check of the proof of use '{proof.Proof}'",
                    selected.AddMonths(FundingDecider.FirstCheckMonths), false));
        }

        if (s is { Status: ApplicationStatus.ReclaimDemanded, RepayBy: { } repayBy })
            tasks.Add(new("repayment", Roles.Applicant, $"Repay {Eur(s.RepaymentDue)}", EndOf(repayBy), false));
        return tasks;
    }

    private static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static DateTimeOffset EndOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero);

    private static string Eur(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture) + " EUR";
}
