using Fachwerk.Domain.Common;
using Fachwerk.Domain.Applications;
using Fachwerk.Application.Letters;
using JasperFx.Events;

namespace Fachwerk.Application.Applications;

/// <summary>Change notices after approval and the decision's versions (ADR 0121).</summary>
public sealed partial class ApplicationDetailsProjection
{
    /// <summary>Version 1: the approval, with who proposed and confirmed the proposal it came from.</summary>
    private static DecisionVersionRecord FirstVersion(IEvent<ApplicationApproved> e, ApplicationDetails a)
    {
        var proposal = a.Proposals.LastOrDefault(p => p.Outcome == ProposalOutcome.Confirmed);
        return new DecisionVersionRecord(1, AuthorityCalendar.DayOf(e.Data.RecordedAt), e.Data.Amount, a.Plan.Duration.To, e.Data.Conditions,
            new CostPlan(a.Plan.TotalCosts, a.Plan.OwnContribution, a.Plan.ThirdPartyFunding), [], null, proposal?.ProposedBy, proposal?.DecidedBy,
            e.Timestamp);
    }

    public static ApplicationDetails Apply(IEvent<AmendmentProposed> e, ApplicationDetails a) =>
        Touched(e, a) with
        {
            Amendments = [.. a.Amendments, new AmendmentRecord(e.Data.AmendmentNumber, e.Data.Terms, e.Data.Changes, e.Data.Reason, e.Data.EffectiveFrom,
                e.Data.RecordedBy, e.Timestamp, AmendmentOutcome.Proposed)],
        };

    public static ApplicationDetails Apply(IEvent<AmendmentConfirmed> e, ApplicationDetails a) =>
        Amendment(Touched(e, a), e.Data.AmendmentNumber, r => r with { Outcome = AmendmentOutcome.AwaitingCommitment, DecidedBy = e.Data.RecordedBy });

    public static ApplicationDetails Apply(IEvent<AmendmentReturned> e, ApplicationDetails a) =>
        Amendment(Touched(e, a), e.Data.AmendmentNumber, r => r with
        {
            Outcome = AmendmentOutcome.Returned, DecidedBy = e.Data.RecordedBy, OutcomeReason = e.Data.Reason,
        });

    public static ApplicationDetails Apply(IEvent<AmendmentBlocked> e, ApplicationDetails a) =>
        Amendment(Touched(e, a), e.Data.AmendmentNumber, r => r with { Outcome = AmendmentOutcome.Blocked, OutcomeReason = e.Data.Reason });

    public static ApplicationDetails Apply(IEvent<DecisionAmended> e, ApplicationDetails a) =>
        Amendment(Touched(e, a), e.Data.AmendmentNumber, r => r with { Outcome = AmendmentOutcome.InForce }) with
        {
            ApprovedAmount = e.Data.Amount,
            Conditions = e.Data.Conditions,
            DecisionVersions = [.. a.DecisionVersions, new DecisionVersionRecord(e.Data.Version, e.Data.EffectiveFrom, e.Data.Amount, e.Data.ProjectEnd,
                e.Data.Conditions, e.Data.CostPlan, e.Data.Changes, e.Data.Reason, e.Data.ProposedBy, e.Data.ConfirmedBy, e.Timestamp,
                DecisionVersionKind.Amendment)],
            Funding = a.Funding is null ? null : a.Funding with
            {
                FundingRate = e.Data.FundingRate,
                ProofsOfUse = [.. a.Funding.ProofsOfUse.Select(p => e.Data.ProofsOfUse.FirstOrDefault(d => d.Proof == p.Proof) is { } due && due.DueBy != p.DueBy
                    ? p with { DueBy = due.DueBy, Overdue = false }
                    : p)],
            },
        };

    /// <summary>
    /// A reduction or a reclaim lowered the amount in force: the next version, the rest as before, in force from its day but never
    /// before the version it follows (the numbering and dates the write model gives, <see cref="DecisionAmendments.Lowered"/>).
    /// </summary>
    private static IReadOnlyList<DecisionVersionRecord> Lowered(ApplicationDetails a, decimal amount, string reason, DecisionVersionKind kind, IRecordedFact act) =>
        a.DecisionVersions.LastOrDefault() is { } current
            ? [.. a.DecisionVersions, current with
            {
                Version = current.Version + 1,
                EffectiveFrom = DecisionAmendments.LoweredFrom(current.EffectiveFrom, act.RecordedAt),
                Amount = amount,
                Changes = [AmendmentChange.Amount],
                Reason = reason,
                ProposedBy = act.RecordedBy,
                ConfirmedBy = null,
                RecordedAt = act.RecordedAt,
                Kind = kind,
                ChangeNotice = null,
            }]
            : a.DecisionVersions;

    /// <summary>The change notice attached for an amendment's version: its document id is derived from the version.</summary>
    private static IReadOnlyList<DecisionVersionRecord> WithChangeNotice(ApplicationDetails a, Guid document) =>
        [.. a.DecisionVersions.Select(v => IssueChangeNoticeHandler.DocumentIdOf(a.Id, v.Version) == document ? v with { ChangeNotice = document } : v)];

    private static ApplicationDetails Amendment(ApplicationDetails a, int number, Func<AmendmentRecord, AmendmentRecord> change) =>
        a with { Amendments = [.. a.Amendments.Select(r => r.Number == number ? change(r) : r)] };
}
