using Fachwerk.Domain.Common;
using System.Collections.Immutable;

namespace Fachwerk.Domain.Applications;

/// <summary>How the amendment events move the application's write model: the pending amendment, and the decision's versions (ADR 0121).</summary>
public static class DecisionAmendments
{
    /// <summary>Version 1 of the decision: the approval, in force from its day, on the plan's end and financing.</summary>
    public static DecisionVersion FirstVersion(FundingApplication application, ApplicationApproved approved) =>
        new(1, AuthorityCalendar.DayOf(approved.RecordedAt), approved.Amount, application.Plan.Duration.To, approved.Conditions,
            new CostPlan(application.Plan.TotalCosts, application.Plan.OwnContribution, application.Plan.ThirdPartyFunding));

    /// <summary>
    /// A reduction or a reclaim (partial revocation) lowered the approved amount to <paramref name="amount"/>: the decision's next
    /// version, the rest unchanged, in force from its day but never before the version it follows (so payments keep following
    /// <see cref="FundingApplication.PayableOn"/> as before, and the next amendment is numbered after it).
    /// </summary>
    public static FundingApplication Lowered(FundingApplication application, decimal amount, DateTimeOffset at) =>
        application with
        {
            ApprovedAmount = amount,
            Decisions = application.Decisions.LastOrDefault() is { } current
                ? application.Decisions.Add(current with
                {
                    Version = current.Version + 1,
                    EffectiveFrom = LoweredFrom(current.EffectiveFrom, at),
                    Amount = amount,
                })
                : application.Decisions,
        };

    /// <summary>The day a reduction or reclaim recorded at <paramref name="at"/> is in force from: its day, not before the version it follows.</summary>
    public static DateOnly LoweredFrom(DateOnly current, DateTimeOffset at)
    {
        var day = AuthorityCalendar.DayOf(at);
        return day > current ? day : current;
    }

    public static FundingApplication Evolve(FundingApplication application, object @event) => @event switch
    {
        AmendmentProposed proposed => application with
        {
            PendingAmendment = new PendingAmendment(proposed.AmendmentNumber, proposed.Terms, proposed.Changes, proposed.Reason, proposed.EffectiveFrom,
                proposed.RecordedBy),
            Amendments = proposed.AmendmentNumber,
        },
        AmendmentConfirmed confirmed when application.PendingAmendment?.Number == confirmed.AmendmentNumber => application with
        {
            PendingAmendment = application.PendingAmendment with { ConfirmedBy = confirmed.RecordedBy },
        },
        AmendmentReturned or AmendmentBlocked => application with { PendingAmendment = null },
        DecisionAmended amended => application with
        {
            PendingAmendment = null,
            ApprovedAmount = amended.Amount,
            Decisions = application.Decisions.Add(new DecisionVersion(amended.Version, amended.EffectiveFrom, amended.Amount, amended.ProjectEnd,
                amended.Conditions, amended.CostPlan)),
            Plan = application.Plan with
            {
                Duration = application.Plan.Duration with { To = amended.ProjectEnd },
                TotalCosts = amended.CostPlan.TotalCosts,
                OwnContribution = amended.CostPlan.OwnContribution,
                ThirdPartyFunding = amended.CostPlan.ThirdPartyFunding,
            },
            Funding = application.Funding! with
            {
                FundingRate = amended.FundingRate,
                Proofs = application.Funding.Proofs.Select(p => amended.ProofsOfUse.FirstOrDefault(d => d.Proof == p.Proof) is { } due && due.DueBy != p.DueBy
                    ? p with { DueBy = due.DueBy, Overdue = false }
                    : p).ToImmutableList(),
            },
        },
        _ => application,
    };
}
