using System.Globalization;
using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using FluentValidation;
using JasperFx.Events;
using Microsoft.AspNetCore.Authorization;
using Marten;
using Marten.Events.Aggregation;
using Marten.Schema;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Fachwerk.Application.Applications;

/// <summary>Something a role has to do on an application, and by when.</summary>
public sealed record OpenTask(string Key, string WaitingFor, string Action, DateTimeOffset? DueBy, bool ReminderRaised);

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

/// <summary>An open task as its own document, so the inbox and the overdue list can filter and sort by role and due date.</summary>
public sealed record InboxTask
{
    public string Id { get; init; } = "";
    public Guid ApplicationId { get; init; }
    public long Version { get; init; }
    public string Key { get; init; } = "";
    public Guid ApplicantId { get; init; }
    public string WaitingFor { get; init; } = "";
    public string Action { get; init; } = "";
    public DateTimeOffset? DueBy { get; init; }
    public bool ReminderRaised { get; init; }
    public string Title { get; init; } = "";
    public string Applicant { get; init; } = "";
    public Guid ProgrammeId { get; init; }
    public string Programme { get; init; } = "";
    public Guid AllianceId { get; init; }
    public string Alliance { get; init; } = "";
    public decimal RequestedAmount { get; init; }
    public ApplicationStatus Status { get; init; }
    public DateTimeOffset Since { get; init; }

    /// <summary>
    /// The table's columns and indexes: the summary projection deletes an application's tasks by its id; the inbox reads
    /// a role's tasks, most urgent first, off the front of the composite index, whose columns need no index of their own.
    /// </summary>
    public static void ConfigureMarten(DocumentMapping<InboxTask> mapping)
    {
        mapping.Duplicate(x => x.ApplicationId);
        mapping.DuplicateField(nameof(WaitingFor));
        mapping.DuplicateField(nameof(DueBy));
        mapping.DuplicateField(nameof(Since));
        mapping.Index([x => x.WaitingFor, x => x.DueBy!, x => x.Since]);
    }
}

public sealed partial class ApplicationSummaryProjection : SingleStreamProjection<ApplicationSummary, Guid>
{
    // Rebuilds read pages of 2,000 events instead of 500: fewer round trips and flushes over a million events (docs/benchmarks.md).
    public ApplicationSummaryProjection() => Options.BatchSize = 2_000;

    public static ApplicationSummary Create(IEvent<ApplicationDrafted> e) => Next(new ApplicationSummary
    {
        Id = e.Data.ApplicationId,
        Title = e.Data.Plan.Title,
        ApplicantId = e.Data.ApplicantId,
        Applicant = e.Data.ApplicantName,
        ProgrammeId = e.Data.ProgrammeId,
        Programme = e.Data.ProgrammeName,
        AllianceId = e.Data.AllianceId,
        Alliance = e.Data.AllianceName,
        RequestedAmount = e.Data.Plan.RequestedAmount,
        Status = ApplicationStatus.Draft,
    }, e);

    public static ApplicationSummary Apply(IEvent<ApplicationAmended> e, ApplicationSummary s) =>
        Next(s with { Title = e.Data.Plan.Title, RequestedAmount = e.Data.Plan.RequestedAmount }, e, moved: false);

    public static ApplicationSummary Apply(IEvent<ApplicationSubmitted> e, ApplicationSummary s) =>
        Next(s with { Status = ApplicationStatus.Submitted, AllianceVoteRequired = e.Data.Terms.AllianceVoteRequired }, e);

    public static ApplicationSummary Apply(IEvent<DocumentsRequested> e, ApplicationSummary s) =>
        Next(s with { Status = ApplicationStatus.DocumentsRequested, DocumentsDueBy = e.Data.DueBy }, e);

    public static ApplicationSummary Apply(IEvent<DocumentsSupplied> e, ApplicationSummary s) =>
        Next(s with { Status = ApplicationStatus.Submitted, DocumentsDueBy = null }, e);

    public static ApplicationSummary Apply(IEvent<ApplicationLapsed> e, ApplicationSummary s) => Next(s with { Status = ApplicationStatus.Lapsed }, e);

    public static ApplicationSummary Apply(IEvent<ApplicationFormallyCompleted> e, ApplicationSummary s) =>
        Next(s with { Status = ApplicationStatus.FormallyComplete, DecisionDueBy = e.Data.DecisionDueBy }, e);

    public static ApplicationSummary Apply(IEvent<AllianceVoteCast> e, ApplicationSummary s) =>
        Next(s with { Status = ApplicationStatus.AllianceVoted, Voted = true }, e);

    public static ApplicationSummary Apply(IEvent<DecisionProposed> e, ApplicationSummary s) => Next(s with { Status = ApplicationStatus.DecisionProposed }, e);

    public static ApplicationSummary Apply(IEvent<DecisionReturned> e, ApplicationSummary s) =>
        Next(s with { Status = s.Voted ? ApplicationStatus.AllianceVoted : ApplicationStatus.FormallyComplete }, e);

    public static ApplicationSummary Apply(IEvent<DecisionConfirmed> e, ApplicationSummary s) =>
        Next(s with { Status = e.Data.Kind == DecisionKind.Approve ? ApplicationStatus.AwaitingCommitment : s.Status }, e);

    public static ApplicationSummary Apply(IEvent<ApplicationRejected> e, ApplicationSummary s) => Next(s with { Status = ApplicationStatus.Rejected }, e);

    public static ApplicationSummary Apply(IEvent<ApplicationApproved> e, ApplicationSummary s) =>
        Next(s with
        {
            Status = ApplicationStatus.Approved,
            ApprovedAmount = e.Data.Amount,
            Proofs = [.. e.Data.ProofsOfUse.Select(p => new SummaryProof(p.Proof, p.DueBy, false, null, null, null, null))],
        }, e);

    public static ApplicationSummary Apply(IEvent<ApprovalBlocked> e, ApplicationSummary s) => Next(s with { Status = ApplicationStatus.ApprovalBlocked }, e);

    public static ApplicationSummary Apply(IEvent<ApprovedAmountReduced> e, ApplicationSummary s) =>
        Next(s with { ApprovedAmount = e.Data.Amount }, e, moved: false);

    public static ApplicationSummary Apply(IEvent<ApplicationWithdrawn> e, ApplicationSummary s) =>
        Next(s with { Status = ApplicationStatus.Withdrawn, ApprovedAmount = null }, e);

    public static ApplicationSummary Apply(IEvent<DecisionReminderRaised> e, ApplicationSummary s) =>
        Next(s with { DecisionReminderRaised = true }, e, moved: false);

    public static ApplicationSummary Apply(IEvent<PaymentRequested> e, ApplicationSummary s) =>
        Next(s with { PaymentRequests = [.. s.PaymentRequests, new(e.Data.RequestNumber, e.Data.Amount, e.Data.NeededBy, PaymentRequestStatus.Requested)] }, e);

    public static ApplicationSummary Apply(IEvent<PaymentRequestChecked> e, ApplicationSummary s) =>
        Next(WithRequest(s, e.Data.RequestNumber, PaymentRequestStatus.Checked), e);

    public static ApplicationSummary Apply(IEvent<PaymentRequestRefused> e, ApplicationSummary s) =>
        Next(WithRequest(s, e.Data.RequestNumber, PaymentRequestStatus.Refused), e);

    public static ApplicationSummary Apply(IEvent<PaymentReleased> e, ApplicationSummary s) =>
        Next(WithRequest(s, e.Data.RequestNumber, PaymentRequestStatus.Released) with { PaidAmount = s.PaidAmount + e.Data.Amount }, e);

    public static ApplicationSummary Apply(IEvent<ProofOfUseSubmitted> e, ApplicationSummary s) =>
        Next(WithProof(s, e.Data.Proof, p => p with { SubmittedAt = e.Timestamp }), e);

    public static ApplicationSummary Apply(IEvent<ProofOfUseDeadlineExtended> e, ApplicationSummary s) =>
        Next(WithProof(s, e.Data.Proof, p => p with { DueBy = e.Data.DueBy, Overdue = false }), e, moved: false);

    public static ApplicationSummary Apply(IEvent<ProofOfUseOverdue> e, ApplicationSummary s) =>
        Next(WithProof(s, e.Data.Proof, p => p with { Overdue = true }), e, moved: false);

    public static ApplicationSummary Apply(IEvent<ProofOfUseFirstCheckCompleted> e, ApplicationSummary s) =>
        Next(WithProof(s, e.Data.Proof, p => p with { FirstCheckedAt = e.Timestamp }), e);

    public static ApplicationSummary Apply(IEvent<ProofOfUseSelectedForInDepthCheck> e, ApplicationSummary s) =>
        Next(WithProof(s, e.Data.Proof, p => p with { SelectedAt = e.Timestamp }), e);

    public static ApplicationSummary Apply(IEvent<ProofOfUseInDepthCheckCompleted> e, ApplicationSummary s) =>
        Next(WithProof(s, e.Data.Proof, p => p with { InDepthCheckedAt = e.Timestamp }), e);

    public static ApplicationSummary Apply(IEvent<ReclaimDemanded> e, ApplicationSummary s) =>
        Next(s with
        {
            Status = e.Data.RepaymentDue > 0 ? ApplicationStatus.ReclaimDemanded : s.Status,
            ApprovedAmount = e.Data.ApprovedAmount,
            RepaymentDue = s.RepaymentDue + e.Data.RepaymentDue,
            RepayBy = e.Data.RepaymentDue > 0 ? e.Data.RepayBy : s.RepayBy,
        }, e);

    public static ApplicationSummary Apply(IEvent<RepaymentReceived> e, ApplicationSummary s) =>
        Next(s with
        {
            PaidAmount = s.PaidAmount - e.Data.Amount,
            RepaymentDue = s.RepaymentDue - e.Data.Amount,
            Status = s.RepaymentDue - e.Data.Amount > 0 ? s.Status : ApplicationStatus.Approved,
        }, e);

    public static ApplicationSummary Apply(IEvent<ApplicationClosed> e, ApplicationSummary s) =>
        Next(s with { Status = ApplicationStatus.Closed, ApprovedAmount = e.Data.Paid }, e);

    /// <summary>Keeps the open tasks as their own documents, replacing the application's previous ones.</summary>
    public override ValueTask RaiseSideEffects(IDocumentOperations operations, IEventSlice<ApplicationSummary> slice)
    {
        var summary = slice.Snapshot;
        if (summary is null) return ValueTask.CompletedTask;

        operations.DeleteWhere<InboxTask>(t => t.ApplicationId == summary.Id);
        foreach (var task in InboxTasks.Of(summary)) operations.Store(task);

        return ValueTask.CompletedTask;
    }

    private static ApplicationSummary WithRequest(ApplicationSummary s, int number, PaymentRequestStatus status) =>
        s with { PaymentRequests = [.. s.PaymentRequests.Select(r => r.Number == number ? r with { Status = status } : r)] };

    private static ApplicationSummary WithProof(ApplicationSummary s, string proof, Func<SummaryProof, SummaryProof> change) =>
        s with { Proofs = [.. s.Proofs.Select(p => p.Proof == proof ? change(p) : p)] };

    /// <summary>Recomputes the open tasks; <paramref name="moved"/> says whether the application moved on (resets "waiting since").</summary>
    private static ApplicationSummary Next(ApplicationSummary s, IEvent e, bool moved = true)
    {
        var next = s with { Version = e.Version, Since = moved ? e.Timestamp : s.Since };
        return next with { Tasks = OpenTasks(next) };
    }

    /// <summary>Who acts next on an application in this state, what they do, and by when.</summary>
    public static IReadOnlyList<OpenTask> OpenTasks(ApplicationSummary s)
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

public sealed record InboxQuery(
    string? Role = null,
    Guid? ProgrammeId = null,
    Guid? AllianceId = null,
    ApplicationStatus? Status = null,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IPagedQuery;

public sealed class InboxQueryValidator : AbstractValidator<InboxQuery>
{
    public static readonly string[] ActingRoles = [Roles.Applicant, Roles.Caseworker, Roles.AllianceReviewer, Roles.Approver];

    public InboxQueryValidator()
    {
        RuleFor(x => x.Role).Must(r => r is null || ActingRoles.Contains(r))
            .WithMessage($"The inbox exists for the roles {string.Join(", ", ActingRoles)}.");
        RuleFor(x => x.Status).IsInEnum();
        this.PagingRules();
    }
}

public sealed record OverdueQuery(string? Role = null, Guid? ProgrammeId = null, Guid? AllianceId = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IPagedQuery;

public sealed class OverdueQueryValidator : AbstractValidator<OverdueQuery>
{
    public OverdueQueryValidator()
    {
        RuleFor(x => x.Role).Must(r => r is null || InboxQueryValidator.ActingRoles.Contains(r))
            .WithMessage($"Tasks belong to the roles {string.Join(", ", InboxQueryValidator.ActingRoles)}.");
        this.PagingRules();
    }
}

/// <summary>A task waiting for the role; <see cref="Overdue"/> once its due date has passed or a reminder was raised.</summary>
public sealed record InboxEntry(
    Guid ApplicationId, long Version, string Task, string Title, string Applicant, Guid ProgrammeId, string Programme, Guid AllianceId, string Alliance,
    decimal RequestedAmount, ApplicationStatus Status, string WaitingFor, string Action, DateTimeOffset? DueBy, bool Overdue, DateTimeOffset Since);

public static class GetInboxEndpoints
{
    /// <summary>
    /// Tasks waiting for a role (by default the caller's), most urgent first: by due date, then those waiting longest.
    /// </summary>
    [Authorize(Roles = Roles.ApplicationReaders)]
    [WolverineGet("/api/inbox")]
    public static async Task<Page<InboxEntry>> Inbox(
        [FromQuery] InboxQuery query, ClaimsPrincipal user, IQuerySession session, TimeProvider clock, CancellationToken cancellation)
    {
        var role = query.Role ?? InboxQueryValidator.ActingRoles.FirstOrDefault(user.IsInRole) ?? Roles.Caseworker;
        var tasks = session.Query<InboxTask>().Where(t => t.WaitingFor == role);
        var scope = user.ApplicationScope();
        if (scope.ApplicantId is { } ownOrganisation) tasks = tasks.Where(t => t.ApplicantId == ownOrganisation);
        if (scope.AllianceId is { } ownAlliance) tasks = tasks.Where(t => t.AllianceId == ownAlliance);
        if (query.ProgrammeId is { } programme) tasks = tasks.Where(t => t.ProgrammeId == programme);
        if (query.AllianceId is { } alliance) tasks = tasks.Where(t => t.AllianceId == alliance);
        if (query.Status is { } status) tasks = tasks.Where(t => t.Status == status);
        return await PageOf(tasks, query, clock, cancellation);
    }

    /// <summary>Everything past its due date: proofs of use not submitted, checks and payments not done, decisions not taken.</summary>
    [Authorize(Roles = Roles.Staff)]
    [WolverineGet("/api/overdue")]
    public static async Task<Page<InboxEntry>> Overdue([FromQuery] OverdueQuery query, IQuerySession session, TimeProvider clock, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var tasks = session.Query<InboxTask>().Where(t => t.DueBy < now || t.ReminderRaised);
        if (query.Role is { } role) tasks = tasks.Where(t => t.WaitingFor == role);
        if (query.ProgrammeId is { } programme) tasks = tasks.Where(t => t.ProgrammeId == programme);
        if (query.AllianceId is { } alliance) tasks = tasks.Where(t => t.AllianceId == alliance);
        return await PageOf(tasks, query, clock, cancellation);
    }

    private static async Task<Page<InboxEntry>> PageOf(IQueryable<InboxTask> tasks, IPagedQuery query, TimeProvider clock, CancellationToken cancellation)
    {
        // PostgreSQL sorts missing due dates last in ascending order.
        var page = await tasks.PageAsync(t => t.OrderBy(x => x.DueBy).ThenBy(x => x.Since), query.Page, query.PageSize, cancellation);
        var now = clock.GetUtcNow();
        return new Page<InboxEntry>(
            [.. page.Items.Select(t => new InboxEntry(t.ApplicationId, t.Version, t.Key, t.Title, t.Applicant, t.ProgrammeId, t.Programme, t.AllianceId,
                t.Alliance, t.RequestedAmount, t.Status, t.WaitingFor, t.Action, t.DueBy, t.ReminderRaised || t.DueBy <= now, t.Since))],
            page.PageNumber, page.PageSize, page.TotalItems, page.PageCount);
    }
}
