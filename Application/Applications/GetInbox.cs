using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using FluentValidation;
using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;
using Marten.Pagination;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Fachwerk.Application.Applications;

/// <summary>
/// One row per application: where it stands, who must act next (a role), what to do, and by when. Read by the inbox
/// and, aggregated in SQL over its duplicated columns, by the alliance pipeline. Applications nobody has to act on
/// (approved, closed, or waiting for the budget workflow) have no <see cref="WaitingFor"/> and stay out of the inbox.
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
    public ApplicationStatus Status { get; init; }
    public string? WaitingFor { get; init; }
    public string? Action { get; init; }
    public DateTimeOffset? DueBy { get; init; }
    public bool ReminderRaised { get; init; }
    public DateTimeOffset Since { get; init; }

    // Kept to work out the next step; not part of what the inbox shows.
    public bool AllianceVoteRequired { get; init; }
    public bool Voted { get; init; }
    public DateTimeOffset? DecisionDueBy { get; init; }
}

public sealed partial class ApplicationSummaryProjection : SingleStreamProjection<ApplicationSummary, Guid>
{
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

    public static ApplicationSummary Apply(IEvent<ApplicationAmended> e, ApplicationSummary i) =>
        i with { Version = e.Version, Title = e.Data.Plan.Title, RequestedAmount = e.Data.Plan.RequestedAmount };

    public static ApplicationSummary Apply(IEvent<ApplicationSubmitted> e, ApplicationSummary i) =>
        Next(i with { Status = ApplicationStatus.Submitted, AllianceVoteRequired = e.Data.Terms.AllianceVoteRequired }, e);

    public static ApplicationSummary Apply(IEvent<DocumentsRequested> e, ApplicationSummary i) => Next(i with { Status = ApplicationStatus.DocumentsRequested }, e, e.Data.DueBy);

    public static ApplicationSummary Apply(IEvent<DocumentsSupplied> e, ApplicationSummary i) => Next(i with { Status = ApplicationStatus.Submitted }, e);

    public static ApplicationSummary Apply(IEvent<ApplicationLapsed> e, ApplicationSummary i) => Next(i with { Status = ApplicationStatus.Lapsed }, e);

    public static ApplicationSummary Apply(IEvent<ApplicationFormallyCompleted> e, ApplicationSummary i) =>
        Next(i with { Status = ApplicationStatus.FormallyComplete, DecisionDueBy = e.Data.DecisionDueBy }, e);

    public static ApplicationSummary Apply(IEvent<AllianceVoteCast> e, ApplicationSummary i) => Next(i with { Status = ApplicationStatus.AllianceVoted, Voted = true }, e);

    public static ApplicationSummary Apply(IEvent<DecisionProposed> e, ApplicationSummary i) => Next(i with { Status = ApplicationStatus.DecisionProposed }, e);

    public static ApplicationSummary Apply(IEvent<DecisionReturned> e, ApplicationSummary i) =>
        Next(i with { Status = i.Voted ? ApplicationStatus.AllianceVoted : ApplicationStatus.FormallyComplete }, e);

    public static ApplicationSummary Apply(IEvent<DecisionConfirmed> e, ApplicationSummary i) =>
        Next(i with { Status = e.Data.Kind == DecisionKind.Approve ? ApplicationStatus.AwaitingCommitment : i.Status }, e);

    public static ApplicationSummary Apply(IEvent<ApplicationRejected> e, ApplicationSummary i) => Next(i with { Status = ApplicationStatus.Rejected }, e);

    public static ApplicationSummary Apply(IEvent<ApplicationApproved> e, ApplicationSummary i) =>
        Next(i with { Status = ApplicationStatus.Approved, ApprovedAmount = e.Data.Amount }, e);

    public static ApplicationSummary Apply(IEvent<ApprovedAmountReduced> e, ApplicationSummary i) =>
        i with { Version = e.Version, ApprovedAmount = e.Data.Amount };

    public static ApplicationSummary Apply(IEvent<ApprovalBlocked> e, ApplicationSummary i) => Next(i with { Status = ApplicationStatus.ApprovalBlocked }, e);

    public static ApplicationSummary Apply(IEvent<ApplicationWithdrawn> e, ApplicationSummary i) =>
        Next(i with { Status = ApplicationStatus.Withdrawn, ApprovedAmount = null }, e);

    public static ApplicationSummary Apply(IEvent<DecisionReminderRaised> e, ApplicationSummary i) => i with { Version = e.Version, ReminderRaised = true };

    /// <summary>Who acts next on an application in this state, and what they do.</summary>
    private static ApplicationSummary Next(ApplicationSummary item, IEvent e, DateTimeOffset? documentsDueBy = null)
    {
        var (role, action) = item.Status switch
        {
            ApplicationStatus.Draft => (Roles.Applicant, "Complete and submit the application"),
            ApplicationStatus.Submitted => (Roles.Caseworker, "Check the application for completeness"),
            ApplicationStatus.DocumentsRequested => (Roles.Applicant, "Supply the requested documents"),
            ApplicationStatus.FormallyComplete when item.AllianceVoteRequired => (Roles.AllianceReviewer, "Cast the alliance's vote"),
            ApplicationStatus.FormallyComplete or ApplicationStatus.AllianceVoted => (Roles.Caseworker, "Propose a decision"),
            ApplicationStatus.DecisionProposed => (Roles.Approver, "Confirm or return the proposed decision"),
            ApplicationStatus.ApprovalBlocked => (Roles.Caseworker, "The approval could not be funded: propose again or reject"),
            _ => ((string?)null, (string?)null),
        };
        var dueBy = item.Status switch
        {
            ApplicationStatus.DocumentsRequested => documentsDueBy,
            ApplicationStatus.FormallyComplete or ApplicationStatus.AllianceVoted or ApplicationStatus.DecisionProposed
                or ApplicationStatus.ApprovalBlocked => item.DecisionDueBy,
            _ => null,
        };
        return item with
        {
            Version = e.Version,
            WaitingFor = role,
            Action = action,
            DueBy = dueBy,
            Since = e.Timestamp,
        };
    }
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

/// <summary>An application waiting for the role's action; <see cref="Overdue"/> once its due date has passed or a reminder was raised.</summary>
public sealed record InboxEntry(
    Guid ApplicationId, long Version, string Title, string Applicant, Guid ProgrammeId, string Programme, Guid AllianceId, string Alliance,
    decimal RequestedAmount, ApplicationStatus Status, string WaitingFor, string Action, DateTimeOffset? DueBy, bool Overdue, DateTimeOffset Since);

public static class GetInboxEndpoint
{
    /// <summary>
    /// Applications waiting for an action by a role (by default the caller's), most urgent first:
    /// by due date, then those waiting longest.
    /// </summary>
    [WolverineGet("/api/inbox")]
    public static async Task<Page<InboxEntry>> Get(
        [FromQuery] InboxQuery query, ClaimsPrincipal user, IQuerySession session, TimeProvider clock, CancellationToken cancellation)
    {
        var role = query.Role ?? InboxQueryValidator.ActingRoles.FirstOrDefault(user.IsInRole) ?? Roles.Caseworker;
        var items = session.Query<ApplicationSummary>().Where(i => i.WaitingFor == role);
        if (query.ProgrammeId is { } programme) items = items.Where(i => i.ProgrammeId == programme);
        if (query.AllianceId is { } alliance) items = items.Where(i => i.AllianceId == alliance);
        if (query.Status is { } status) items = items.Where(i => i.Status == status);

        // PostgreSQL sorts missing due dates last in ascending order.
        var page = await items
            .OrderBy(i => i.DueBy)
            .ThenBy(i => i.Since)
            .ToPagedListAsync(query.Page, query.PageSize, cancellation);

        var now = clock.GetUtcNow();
        return new Page<InboxEntry>(
            [.. page.Select(i => new InboxEntry(i.Id, i.Version, i.Title, i.Applicant, i.ProgrammeId, i.Programme, i.AllianceId, i.Alliance,
                i.RequestedAmount, i.Status, i.WaitingFor!, i.Action!, i.DueBy, i.ReminderRaised || i.DueBy <= now, i.Since))],
            page.PageNumber, page.PageSize, page.TotalItemCount, page.PageCount);
    }
}
