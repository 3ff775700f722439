using Fachwerk.Domain.Common;
using Fachwerk.Domain.Organisations;
using Fachwerk.Domain.Programmes;

namespace Fachwerk.Domain.Applications;

/// <summary>Events for the streams of one budget commitment step; all are appended in one transaction.</summary>
public sealed record CommitmentStep(IReadOnlyList<object> ProgrammeEvents, IReadOnlyList<object> ApplicationEvents, IReadOnlyList<object> ApplicantEvents)
{
    public static readonly CommitmentStep Nothing = new([], [], []);
}

/// <summary>
/// The budget commitment workflow as pure decisions. A confirmed approval reserves its amount in the programme and
/// is approved in the same transaction, or is blocked with the reason and nothing reserved. In a de-minimis programme
/// the grant is also entered in the applicant's de-minimis ledger, and refused when it would break the ceiling.
/// A redelivered step, or one overtaken by a withdrawal or a newer proposal, changes nothing.
/// </summary>
public static class BudgetCommitment
{
    public const string Actor = "system:budget-commitment";

    /// <param name="commitment">What the programme already holds for this application, if anything.</param>
    public static CommitmentStep Commit(
        FundingProgramme programme, Commitment? commitment, FundingApplication application, Organisation applicant, int proposalNumber,
        DateTimeOffset now)
    {
        if (application.Status != ApplicationStatus.AwaitingCommitment || application.Proposal?.Number != proposalNumber)
            return CommitmentStep.Nothing;

        var proposal = application.Proposal;
        var amount = proposal.Amount!.Value;
        var stamp = new Stamp(Actor, now);
        var approved = new ApplicationApproved(application.Id, programme.Id, amount, proposal.Conditions,
            Math.Round(amount / application.Plan.TotalCosts, 6), proposal.RetainedFinalInstalment,
            ProofsOfUse(application.Plan.Duration, proposal.InterimProofDueDates), stamp.By, stamp.At);
        // The obligations of the confirmed terms are imposed with the approval, in its transaction (ADR 0126).
        IReadOnlyList<object> approval =
            [approved, .. ObligationDecider.ImposeWithApproval(FundingApplication.Evolve(application, approved), proposal.Number, proposal.Obligations, stamp)];
        if (commitment is not null)
            return new CommitmentStep([], approval, []);

        var applicantEvents = new List<object>();
        if (application.Terms?.DeMinimis == true)
        {
            var grantedOn = AuthorityCalendar.DayOf(now);
            var check = DeMinimis.Check(applicant, application.Id, amount, grantedOn);
            if (!check.Allowed)
                return Blocked(application, proposal, "application.de-minimis-ceiling", check.Computation, stamp);
            applicantEvents.Add(new DeMinimisAidGranted(applicant.Id, application.Id, programme.Id, amount, grantedOn, stamp.By, stamp.At));
        }

        var request = new CommitmentRequest(application.Id, application.AllianceId, amount, application.Plan.OwnContribution, proposal.PlanningExceedanceReason,
            application.CallNumber, application.District);
        return ProgrammeDecider.Commit(programme, request, stamp) switch
        {
            CommitmentOutcome.Committed committed => new CommitmentStep([committed.Event], approval, applicantEvents),
            CommitmentOutcome.Refused refused => Blocked(application, proposal, refused.Code, refused.Reason, stamp),
            _ => throw new InvalidOperationException("Unknown commitment outcome."),
        };
    }

    /// <summary>
    /// Commits the extra money of confirmed amendment <paramref name="amendmentNumber"/> that raises the amount, exactly as an
    /// approval is committed (the programme, the call, the planning figure, the de-minimis ceiling), and puts the amendment in force in
    /// the same transaction; or blocks it with the reason and nothing committed (ADR 0121). A redelivered or overtaken step changes nothing.
    /// </summary>
    /// <param name="commitment">What the programme holds for this application now.</param>
    public static CommitmentStep CommitAmendment(
        FundingProgramme programme, Commitment? commitment, FundingApplication application, Organisation applicant, int amendmentNumber,
        DateTimeOffset now)
    {
        if (application.PendingAmendment is not { Confirmed: true } pending || pending.Number != amendmentNumber)
            return CommitmentStep.Nothing;
        var stamp = new Stamp(Actor, now);
        if (application.Status != ApplicationStatus.Approved)
            return AmendmentBlocked(application, pending, "amendment.illegal-transition",
                $"The application is {application.Status} now; an amendment raises only an approved grant.", stamp);

        var amount = pending.Terms.Amount ?? application.ApprovedAmount!.Value;
        var extra = amount - (commitment?.Amount ?? 0);
        var inForce = AmendmentDecider.InForceWithObligations(application, stamp);
        var amended = inForce.OfType<DecisionAmended>().Single();
        if (extra <= 0)
            return new CommitmentStep(FollowFinancing(commitment, amended), inForce, []);

        var applicantEvents = new List<object>();
        if (application.Terms?.DeMinimis == true)
        {
            var check = DeMinimis.Check(applicant, application.Id, amount, AuthorityCalendar.DayOf(now));
            if (!check.Allowed)
                return AmendmentBlocked(application, pending, "application.de-minimis-ceiling", check.Computation, stamp);
            applicantEvents.Add(new DeMinimisAidAdjusted(applicant.Id, application.Id, amount, stamp.By, stamp.At));
        }

        // A raise adds money to the commitment, and its own contribution follows the amended financing (ADR 0131); without a
        // commitment (approved before they were kept) the raise is a new one, with the amended own contribution.
        var request = new CommitmentRequest(application.Id, application.AllianceId, extra, commitment is null ? amended.CostPlan.OwnContribution : 0,
            pending.Terms.PlanningExceedanceReason, application.CallNumber, application.District, Raise: commitment is not null);
        return ProgrammeDecider.Commit(programme, request, stamp) switch
        {
            CommitmentOutcome.Committed committed => new CommitmentStep(
                [committed.Event, .. FollowFinancing(Commitment.Evolve(commitment, committed.Event), amended)], inForce, applicantEvents),
            CommitmentOutcome.Refused refused => AmendmentBlocked(application, pending, refused.Code, refused.Reason, stamp),
            _ => throw new InvalidOperationException("Unknown commitment outcome."),
        };
    }

    /// <summary>
    /// The programme's events that let the application's <paramref name="commitment"/> count the financing of the decision version
    /// <paramref name="amended"/> puts in force (ADR 0131), stamped like it, for the transaction that appends it: a
    /// <see cref="CommitmentAdjusted"/> when the own contribution changed; nothing otherwise, or when nothing is committed.
    /// </summary>
    public static IReadOnlyList<object> FollowFinancing(Commitment? commitment, DecisionAmended amended) =>
        ProgrammeDecider.Adjust(commitment,
            new FinancingInForce(amended.Version, amended.EffectiveFrom, amended.CostPlan.TotalCosts, amended.CostPlan.OwnContribution,
                amended.CostPlan.ThirdPartyFunding, amended.Reason),
            new Stamp(amended.RecordedBy, amended.RecordedAt));

    /// <summary>
    /// Brings the application's commitment down to what it keeps (0 after a withdrawal, the new amount after a reduction or
    /// reclaim, what was paid after closing), and its de-minimis aid with it.
    /// </summary>
    public static CommitmentStep Release(
        FundingProgramme programme, Commitment? commitment, FundingApplication application, Organisation applicant, string reason,
        DateTimeOffset now)
    {
        var keeps = application.KeepsCommitted;
        var stamp = new Stamp(Actor, now);
        var aid = applicant.Aid.FirstOrDefault(a => a.ApplicationId == application.Id);
        return new CommitmentStep(
            ProgrammeDecider.Release(programme, commitment, keeps, reason, stamp),
            [],
            aid is not null && aid.Amount != keeps ? [new DeMinimisAidAdjusted(applicant.Id, application.Id, keeps, stamp.By, stamp.At)] : []);
    }

    /// <summary>
    /// The proofs of use an approval asks for: the given interim due dates, or by default one interim proof per calendar year of
    /// the project (due 30 April of the following year) while the project runs on; the final proof six months after the end.
    /// </summary>
    public static IReadOnlyList<ProofOfUseDue> ProofsOfUse(Period duration, IReadOnlyList<DateOnly>? interimDueDates)
    {
        var final = new ProofOfUseDue("final", ProofKind.Final, duration.To.AddMonths(6));
        var interim = interimDueDates is { Count: > 0 }
            ? interimDueDates.Order().Select((due, i) => new ProofOfUseDue($"interim-{i + 1}", ProofKind.Interim, due))
            : Enumerable.Range(duration.From.Year, duration.To.Year - duration.From.Year)
                .Select(year => new ProofOfUseDue($"interim-{year}", ProofKind.Interim, new DateOnly(year + 1, 4, 30)))
                .Where(p => p.DueBy < duration.To);
        return [.. interim, final];
    }

    private static CommitmentStep AmendmentBlocked(FundingApplication application, PendingAmendment pending, string code, string reason, Stamp stamp) =>
        new([], [new AmendmentBlocked(application.Id, pending.Number, code, reason, stamp.By, stamp.At)], []);

    private static CommitmentStep Blocked(FundingApplication application, Proposal proposal, string code, string reason, Stamp stamp) =>
        new([], [new ApprovalBlocked(application.Id, proposal.Number, code, reason, stamp.By, stamp.At)], []);
}
