using Fachwerk.Domain.Applications;
using Marten.Schema;

namespace Fachwerk.Application.Applications;

public sealed record SummaryPaymentRequest(int Number, decimal Amount, DateOnly NeededBy, PaymentRequestStatus Status);

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
    public Guid Id { get; init; }
    public long Version { get; init; }
    public string Title { get; init; } = "";
    public Guid ApplicantId { get; init; }
    public string Applicant { get; init; } = "";
    public Guid ProgrammeId { get; init; }
    public string Programme { get; init; } = "";
    public Guid AllianceId { get; init; }
    public string Alliance { get; init; } = "";
    public decimal RequestedAmount { get; init; }
    public decimal? ApprovedAmount { get; init; }
    public decimal PaidAmount { get; init; }
    public ApplicationStatus Status { get; init; }
    public IReadOnlyList<OpenTask> Tasks { get; init; } = [];
    public DateTimeOffset Since { get; init; }

    // Kept to work out the open tasks.
    public bool AllianceVoteRequired { get; init; }
    public bool Voted { get; init; }
    public DateTimeOffset? DecisionDueBy { get; init; }
    public DateTimeOffset? DocumentsDueBy { get; init; }
    public bool DecisionReminderRaised { get; init; }
    public IReadOnlyList<SummaryPaymentRequest> PaymentRequests { get; init; } = [];
    public IReadOnlyList<SummaryProof> Proofs { get; init; } = [];
    public decimal RepaymentDue { get; init; }
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
        mapping.DuplicateField(nameof(RequestedAmount));
        mapping.DuplicateField(nameof(ApprovedAmount));
        mapping.DuplicateField(nameof(PaidAmount));
        // The pipeline reads only this index (an index-only scan, however many applications an alliance has) ...
        mapping.Index([x => x.AllianceId, x => x.Status], index => index.IncludeColumns = ["requested_amount", "approved_amount", "paid_amount"]);
        // ... and the list, newest first, reads a page of a programme or an alliance off the front of these.
        mapping.Index([x => x.ProgrammeId, x => x.Id]);
        mapping.Index([x => x.AllianceId, x => x.Id]);
    }
}
