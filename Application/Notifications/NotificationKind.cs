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

    /// <summary>Applicant: the first check of a proof of use found something wrong.</summary>
    FirstCheckFindings,

    /// <summary>Applicant: a proof of use was not submitted by its due date.</summary>
    ProofOfUseOverdue,

    /// <summary>Caseworkers: a task on a case of theirs (or of their queue) is past its due date.</summary>
    TaskOverdue,

    /// <summary>Caseworkers other than the checker: a checked payment waits for release by a second person (four eyes).</summary>
    PaymentAwaitsRelease,

    /// <summary>Project leads: the pilot phase is over and the continuation is to be evaluated and decided.</summary>
    PilotEvaluationDue,

    /// <summary>The daily digest: one mail with a user's notifications of the kinds they want collected. Not a kind anyone chooses.</summary>
    DailyDigest,

    /// <summary>A reviewer was assigned to score an application on the programme's criteria (ADR 0093); only they are told.</summary>
    ReviewRequested,
}

/// <summary>Rules about kinds that do not depend on anyone's choice.</summary>
public static class NotificationKinds
{
    /// <summary>Kinds nobody can turn off: decisions and reclaims are notices the law requires.</summary>
    public static bool IsLegallyRequired(NotificationKind kind) => kind is NotificationKind.DecisionMade or NotificationKind.ReclaimDemanded;

    /// <summary>The kinds a user chooses a delivery for: every kind but the digest itself.</summary>
    public static IReadOnlyList<NotificationKind> Choosable { get; } = [.. Enum.GetValues<NotificationKind>().Where(k => k != NotificationKind.DailyDigest)];

    /// <summary>Whether <paramref name="delivery"/> may be chosen for <paramref name="kind"/>: legally required kinds are always mailed at once.</summary>
    public static bool Allows(NotificationKind kind, Delivery delivery) => delivery == Delivery.Immediate || !IsLegallyRequired(kind);
}
