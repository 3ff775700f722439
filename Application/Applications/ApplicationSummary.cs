using System.Collections.Immutable;
using Fachwerk.Domain.Applications;
using Marten.Schema;

namespace Fachwerk.Application.Applications;

/// <summary>A payment request, as the application list shows it.</summary>
/// <param name="Number">Its number within the application.</param>
/// <param name="Amount">The amount requested, in EUR.</param>
/// <param name="NeededBy">When the money is needed.</param>
/// <param name="Status">Requested, checked, released or refused.</param>
public sealed record SummaryPaymentRequest(int Number, decimal Amount, DateOnly NeededBy, PaymentRequestStatus Status);

/// <summary>A proof of use, as the application list shows it.</summary>
/// <param name="Proof">The proof's name, e.g. interim-2027 or final.</param>
/// <param name="DueBy">When it is due.</param>
/// <param name="Overdue">Whether it is past due and not submitted.</param>
/// <param name="SubmittedAt">When it was submitted.</param>
/// <param name="FirstCheckedAt">When its first check was done.</param>
/// <param name="SelectedAt">When it was drawn into an in-depth sample.</param>
/// <param name="InDepthCheckedAt">When its in-depth check was done.</param>
public sealed record SummaryProof(
    string Proof, DateOnly DueBy, bool Overdue, DateTimeOffset? SubmittedAt, DateTimeOffset? FirstCheckedAt, DateTimeOffset? SelectedAt,
    DateTimeOffset? InDepthCheckedAt);

/// <summary>
/// One row per application: where it stands, its amounts, and the tasks open on it (who acts next, what, by when).
/// Read by the application list and, aggregated in SQL over its duplicated columns, by the alliance pipeline; its open tasks
/// are kept as <see cref="InboxTask"/> documents for the inbox and the overdue list.
/// </summary>
public sealed record ApplicationSummary
{
    /// <summary>The application's id.</summary>
    public Guid Id { get; init; }
    /// <summary>Its version.</summary>
    public long Version { get; init; }
    /// <summary>The short number people quote for it: the last twelve hex digits of its id.</summary>
    public string Number { get; init; } = "";
    /// <summary>The project's title.</summary>
    public string Title { get; init; } = "";
    /// <summary>The applicant organisation.</summary>
    public Guid ApplicantId { get; init; }
    /// <summary>Its name.</summary>
    public string Applicant { get; init; } = "";
    /// <summary>The funding programme.</summary>
    public Guid ProgrammeId { get; init; }
    /// <summary>Its name.</summary>
    public string Programme { get; init; } = "";
    /// <summary>The alliance of the project's region.</summary>
    public Guid AllianceId { get; init; }
    /// <summary>Its name.</summary>
    public string Alliance { get; init; } = "";
    /// <summary>The district (Landkreis, city) the project runs in, as its alliance spells it.</summary>
    public string District { get; init; } = "";
    /// <summary>The funding requested, in EUR.</summary>
    public decimal RequestedAmount { get; init; }
    /// <summary>The funding approved, in EUR, once approved.</summary>
    public decimal? ApprovedAmount { get; init; }
    /// <summary>What was paid out, in EUR.</summary>
    public decimal PaidAmount { get; init; }
    /// <summary>Where the application stands.</summary>
    public ApplicationStatus Status { get; init; }
    /// <summary>A payee account proposed and waiting for a second person's confirmation (ADR 0084); none otherwise.</summary>
    public SummaryPayeeProposal? PayeeProposal { get; init; }
    /// <summary>What is to be done on it now, by whom, by when.</summary>
    public IReadOnlyList<OpenTask> Tasks { get; init; } = [];
    /// <summary>Since when it has its status.</summary>
    public DateTimeOffset Since { get; init; }
    /// <summary>When it was submitted; none for a draft.</summary>
    public DateTimeOffset? SubmittedAt { get; init; }
    /// <summary>When it was approved (the funds committed); none before. Kept when the approval later ends: it was approved then.</summary>
    public DateTimeOffset? ApprovedAt { get; init; }
    /// <summary>The programme's call it was submitted to, if the programme runs calls.</summary>
    public int? CallNumber { get; init; }
    /// <summary>Days after the call's last day it was submitted (a call that takes late submissions); 0 when in time.</summary>
    public int DaysLate { get; init; }
    /// <summary>The first day of the month (German time) it was submitted in, kept so the pipeline groups by month without converting every row (ADR 0115).</summary>
    public DateOnly? SubmittedMonth { get; init; }
    /// <summary>The first day of the month (German time) it was approved in.</summary>
    public DateOnly? ApprovedMonth { get; init; }
    /// <summary>The user id of the person at the funding authority the case is assigned to; none while it is in the team's queue.</summary>
    public string? AssignedTo { get; init; }
    /// <summary>Their name.</summary>
    public string? AssignedToName { get; init; }
    /// <summary>The earliest due date among the open tasks; none when no task has one.</summary>
    public DateTimeOffset? NextDueBy { get; init; }
    /// <summary>Whether a reminder was raised on one of the open tasks (it is overdue whatever its due date).</summary>
    public bool TaskReminderRaised { get; init; }
    /// <summary>
    /// What the reviews come to (ADR 0093): how many count, the mean of their weighted averages, the lowest, the highest and the
    /// spread, on the 0 to 10 scale; none until a review counts. Staff and the alliance's reviewers see it, applicants do not.
    /// </summary>
    public ReviewSummary? Review { get; init; }
    /// <summary>Each counting review's weighted average, unrounded, by reviewer; what <see cref="Review"/> is computed from.</summary>
    public ImmutableDictionary<string, decimal> ReviewAverages { get; init; } = ImmutableDictionary<string, decimal>.Empty;
    /// <summary>
    /// The mean of <see cref="ReviewAverages"/>, unrounded; none until a review counts. A column of its own, so the alliance's
    /// pipeline averages the scores per programme in the same index-only query.
    /// </summary>
    public decimal? ReviewMean { get; init; }
    /// <summary>
    /// What the full-text search (<c>q</c>) reads: title, applicant, number and description, with German feminine plurals
    /// written as the singular.
    /// </summary>
    public string SearchText { get; init; } = "";

    // Kept to work out the open tasks.
    /// <summary>Whether the alliance must vote before a decision is proposed.</summary>
    public bool AllianceVoteRequired { get; init; }
    /// <summary>Whether the alliance voted.</summary>
    public bool Voted { get; init; }
    /// <summary>By when a decision is due.</summary>
    public DateTimeOffset? DecisionDueBy { get; init; }
    /// <summary>By when requested documents are due.</summary>
    public DateTimeOffset? DocumentsDueBy { get; init; }
    /// <summary>Whether a reminder was raised because the decision is overdue.</summary>
    public bool DecisionReminderRaised { get; init; }
    /// <summary>Its payment requests.</summary>
    public IReadOnlyList<SummaryPaymentRequest> PaymentRequests { get; init; } = [];
    /// <summary>Its proofs of use.</summary>
    public IReadOnlyList<SummaryProof> Proofs { get; init; } = [];
    /// <summary>What is to be paid back after a reclaim, in EUR.</summary>
    public decimal RepaymentDue { get; init; }
    /// <summary>By when.</summary>
    public DateOnly? RepayBy { get; init; }

    /// <summary>
    /// The table's columns and indexes (Marten calls this when it maps the document). The list filters and the pipeline
    /// groups by these columns; each index is one the list, the pipeline or the write path reads, because every command
    /// writes an entry into every index of the table (docs/benchmarks.md). Marten's Duplicate() would add an index per
    /// column, so the columns the composite indexes lead with or include are declared without one.
    /// </summary>
    public static void ConfigureMarten(DocumentMapping<ApplicationSummary> mapping)
    {
        mapping.Duplicate(x => x.ApplicantId);
        mapping.Duplicate(x => x.Status);
        mapping.DuplicateField(nameof(AllianceId));
        mapping.DuplicateField(nameof(ProgrammeId));
        // The pipeline's district filter (ADR 0119).
        mapping.DuplicateField(nameof(District));
        mapping.DuplicateField(nameof(RequestedAmount));
        mapping.DuplicateField(nameof(ApprovedAmount));
        mapping.DuplicateField(nameof(PaidAmount));
        mapping.DuplicateField(nameof(ReviewMean));
        // The pipeline over time groups these by month (ADR 0115).
        mapping.DuplicateField(nameof(SubmittedAt));
        mapping.DuplicateField(nameof(ApprovedAt));
        mapping.DuplicateField(nameof(SubmittedMonth));
        mapping.DuplicateField(nameof(ApprovedMonth));
        mapping.DuplicateField(nameof(AssignedTo));
        // The overdue filter compares these with the time of the request; no index of their own: it reads the rows the
        // order or the other filters reach (ADR 0073).
        mapping.DuplicateField(nameof(NextDueBy));
        mapping.DuplicateField(nameof(TaskReminderRaised));
        // The pipeline reads only this index (an index-only scan, however many applications an alliance has; grouped by status
        // and programme, or by month of submission and approval) ...
        mapping.Index([x => x.AllianceId, x => x.Status], index => index.IncludeColumns =
            ["programme_id", "district", "requested_amount", "approved_amount", "paid_amount", "submitted_at", "approved_at", "submitted_month", "approved_month", "review_mean"]);
        // ... and the list, newest first, reads a page of a programme or an alliance off the front of these.
        mapping.Index([x => x.ProgrammeId, x => x.Id]);
        mapping.Index([x => x.AllianceId, x => x.Id]);
        // ... "my cases" and a colleague's, newest first (only assigned cases are in it) ...
        mapping.Index([x => x.AssignedTo!, x => x.Id], index => index.Predicate = "assigned_to is not null");
        // ... and the search reads this GIN index over the text in German (ADR 0071).
        mapping.FullTextIndex(Applications.SearchText.Configuration, x => x.SearchText);
    }
}

/// <summary>A payee account waiting for its confirmation: its number and who proposed it (who may not confirm it).</summary>
/// <param name="Number">The proposal's number on the application.</param>
/// <param name="ProposedBy">The user id of the person who proposed it, who may not confirm it (four eyes).</param>
public sealed record SummaryPayeeProposal(int Number, string ProposedBy);
