namespace Fachwerk.Application.Notifications;

/// <summary>What a notification tells its recipient; each kind has its texts (<see cref="NotificationTexts"/>) and its audience.</summary>
public enum NotificationKind
{
    /// <summary>Applicant: the caseworker asks for documents, with the deadline.</summary>
    DocumentsRequested,

    /// <summary>Applicant: documents are due in seven days, or today.</summary>
    DocumentsDueReminder,

    /// <summary>Applicant: the documents were not supplied in time; the application lapsed.</summary>
    ApplicationLapsed,

    /// <summary>Applicant: the decision on the application (approval with the amount, or rejection). Legally required.</summary>
    DecisionMade,

    /// <summary>Applicant: a payment was released.</summary>
    PaymentReleased,

    /// <summary>Applicant: a proof of use is due in seven days, or today.</summary>
    ProofOfUseDueReminder,

    /// <summary>Applicant: part of the grant is reclaimed. Legally required.</summary>
    ReclaimDemanded,

    /// <summary>Caseworkers: a submitted application waits in their queue.</summary>
    NewSubmission,

    /// <summary>Caseworkers: the applicant supplied the requested documents.</summary>
    DocumentsSupplied,

    /// <summary>Caseworkers: the second person returned a proposed decision.</summary>
    ProposalReturned,

    /// <summary>Approvers: a proposed decision waits for confirmation by a second person.</summary>
    ProposalAwaitsConfirmation,

    /// <summary>Alliance reviewers: an application waits for the alliance's vote.</summary>
    AwaitsAllianceVote,
}

/// <summary>Rules about kinds that do not depend on anyone's choice.</summary>
public static class NotificationKinds
{
    /// <summary>Kinds nobody can turn off: decisions and reclaims are notices the law requires.</summary>
    public static bool IsLegallyRequired(NotificationKind kind) => kind is NotificationKind.DecisionMade or NotificationKind.ReclaimDemanded;
}
