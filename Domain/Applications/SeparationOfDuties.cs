using System.Collections.Immutable;
using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Applications;

/// <summary>On which side of a funding case a person acted: for the applicant, or for the funding authority and the alliance.</summary>
public enum CaseSide
{
    /// <summary>Nobody's act in particular: deadlines, reminders, the budget workflow, a sample draw.</summary>
    None,
    Applicant,
    Authority,
}

/// <summary>
/// Separation of duties per case, across all roles a person holds: whoever acted for the applicant on a case (drafted, amended,
/// submitted it, supplied documents, requested money, submitted a proof of use, withdrew it) never acts for the funding
/// authority or the alliance on it (asks for documents, finds it complete, votes, proposes, confirms or returns a decision,
/// checks, releases or refuses a payment, checks a proof, reclaims, closes), and the other way round. The facts are the user
/// ids the case's events record; that the person's organisation applies is checked where the bindings are (the access layer).
/// </summary>
public static class SeparationOfDuties
{
    public const string Code = Duties.SeparationOfDuties;

    /// <summary>The side the person who recorded <paramref name="event"/> acted on.</summary>
    public static CaseSide SideOf(object @event) => @event switch
    {
        DocumentAttached { Kind: DocumentKind.DecisionLetter or DocumentKind.ChangeNotice } => CaseSide.None,
        // The account the grant goes to is proposed by either side (a proposal is always someone's act); its confirmation is the authority's.
        PayeeAccountProposed { Side: CaseSide.Applicant } => CaseSide.Applicant,
        PayeeAccountProposed or PayeeAccountConfirmed => CaseSide.Authority,
        // Obligations of the approval terms are imposed by the budget workflow; their proposer and confirmer are on record already (ADR 0126).
        ObligationImposed { ProposalNumber: not null } => CaseSide.None,
        // Obligations an amendment adds, changes or lifts come with its version in force, a system step like DecisionAmended (ADR 0129).
        ObligationImposed { DecisionVersion: not null } or ObligationAmended or ObligationLifted => CaseSide.None,
        ApplicationDrafted or ApplicantPersonNamed or ApplicationAmended or ApplicationExtraDataSet or ApplicationSubmitted or DocumentsSupplied or DocumentAttached or ApplicationWithdrawn
            or PaymentRequested or ProofOfUseSubmitted => CaseSide.Applicant,
        DocumentsRequested or ApplicationFormallyCompleted or AllianceVoteCast or DecisionProposed or DecisionConfirmed or DecisionReturned
            or ApplicationRejected or ApprovedAmountReduced or PaymentRequestChecked or PaymentRequestRefused or PaymentReleased
            or ProofOfUseDeadlineExtended or ProofOfUseFirstCheckCompleted or ProofOfUseInDepthCheckCompleted or ReclaimDemanded
            or RepaymentReceived or ApplicationClosed or CaseAssigned or CaseReleased
            or ReviewerAssigned or ReviewerConflictDeclared or ApplicationReviewed
            or AmendmentProposed or AmendmentConfirmed or AmendmentReturned
            or ApplicantPersonDataErased or CaseLegalHoldPlaced or CaseLegalHoldLifted or ObligationImposed or ObligationEvidenceRecorded or ObligationBreached => CaseSide.Authority,
        _ => CaseSide.None,
    };

    /// <summary>The people who acted on each side so far, with the recorder of <paramref name="event"/> added to its side.</summary>
    public static FundingApplication Record(FundingApplication application, object @event) =>
        (SideOf(@event), @event) switch
        {
            (CaseSide.Applicant, IRecordedFact fact) => application with { ApplicantSide = application.ApplicantSide.Add(fact.RecordedBy) },
            (CaseSide.Authority, IRecordedFact fact) => application with { AuthoritySide = application.AuthoritySide.Add(fact.RecordedBy) },
            _ => application,
        };

    /// <summary>No side yet: user ids are compared as the identity provider may spell them, without regard to case.</summary>
    public static readonly ImmutableHashSet<string> Nobody = ImmutableHashSet.Create<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Refuses a person who acted for the applicant on this case an act of the funding authority or the alliance.</summary>
    public static void EnsureMayActForAuthority(FundingApplication application, Stamp stamp)
    {
        if (application.ApplicantSide.Contains(stamp.By))
            throw new RuleViolation(Code,
                "You acted for the applicant on this application (drafted, submitted or amended it, supplied documents, requested money or " +
                "reported on its use); someone else decides on it for the funding authority and the alliance (separation of duties).");
    }

    /// <summary>Refuses a person who acted for the funding authority or the alliance on this case an act of its applicant.</summary>
    public static void EnsureMayActForApplicant(FundingApplication application, Stamp stamp)
    {
        if (application.AuthoritySide.Contains(stamp.By))
            throw new RuleViolation(Code,
                "You acted for the funding authority or the alliance on this application; you cannot also act for its applicant " +
                "(separation of duties).");
    }
}
