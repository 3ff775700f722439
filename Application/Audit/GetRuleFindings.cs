using Fachwerk.Domain.Common;
using System.Collections.Concurrent;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Organisations;
using Fachwerk.Domain.Programmes;
using FluentValidation;
using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Fachwerk.Application.Audit;

/// <summary>The programme rules an application is re-checked against, read from the programme's launch event.</summary>
/// <param name="ProgrammeId">The programme.</param>
/// <param name="Name">Its name.</param>
/// <param name="MaxFundingRate">Its highest funding rate (0.8 = 80 %).</param>
/// <param name="MaxAmountPerApplication">Its cap per application, in EUR, if any.</param>
/// <param name="DeMinimis">Whether its aid counts towards the de-minimis ceiling.</param>
public sealed record ProgrammeTerms(Guid ProgrammeId, string Name, decimal MaxFundingRate, decimal? MaxAmountPerApplication, bool DeMinimis);

/// <summary>
/// What a checkpoint of the rule re-check is: the submission, an amendment after it, the approval, or a reduction.
/// </summary>
public enum PlanCheckpointKind
{
    Submission,
    Amendment,
    Approval,
    Reduction,

    /// <summary>A change notice after approval put in force (ADR 0121): the amended amount on the amended financing.</summary>
    ChangeNotice,
}

/// <summary>A moment the rules apply to: the plan as submitted or amended after submission, or the amount approved (or reduced to).</summary>
/// <param name="Kind">Submission, amendment, approval or reduction.</param>
/// <param name="Version">The application's version at that moment.</param>
/// <param name="At">When.</param>
/// <param name="Plan">The plan as it stood.</param>
/// <param name="Amount">The amount approved (or reduced to), in EUR.</param>
public sealed record PlanCheckpoint(PlanCheckpointKind Kind, long Version, DateTimeOffset At, ProjectPlan Plan, decimal? Amount);

/// <summary>A proposed decision, as the rule re-check sees it.</summary>
/// <param name="Number">The proposal's number.</param>
/// <param name="Kind">Approve or reject.</param>
/// <param name="Amount">The amount proposed, in EUR.</param>
/// <param name="ProposedBy">Who proposed it.</param>
/// <param name="Version">The version it was recorded at.</param>
public sealed record ProposalOnRecord(int Number, DecisionKind Kind, decimal? Amount, string ProposedBy, long Version);

/// <summary>A confirmed decision, as the four-eyes re-check sees it.</summary>
/// <param name="ProposalNumber">The proposal confirmed.</param>
/// <param name="ProposedBy">Who proposed it.</param>
/// <param name="ConfirmedBy">Who confirmed it.</param>
/// <param name="Version">The version the confirmation was recorded at.</param>
/// <param name="At">When.</param>
public sealed record ConfirmationOnRecord(int ProposalNumber, string ProposedBy, string ConfirmedBy, long Version, DateTimeOffset At);

/// <summary>
/// An approval in a de-minimis programme: whether the applicant's ledger holds the grant, and the ceiling re-computed over the
/// aid the ledger held at that moment (the applicant's stream as of the approval).
/// </summary>
/// <param name="Version">The application's version at the approval.</param>
/// <param name="At">When.</param>
/// <param name="Amount">The amount granted, in EUR.</param>
/// <param name="EnteredInLedger">Whether the applicant's de-minimis ledger holds the grant.</param>
/// <param name="Undertaking">The undertaking (the applicant organisation).</param>
/// <param name="Check">The ceiling re-computed over the aid the ledger held at that moment.</param>
public sealed record DeMinimisGrantOnRecord(long Version, DateTimeOffset At, decimal Amount, bool EnteredInLedger, string Undertaking, DeMinimisCheck Check);

/// <summary>
/// An application's history re-checked against the rules (<see cref="ApplicationRules"/>): the facts the rules need and the
/// findings. Kept by the async daemon and rebuildable over the whole history (a new or changed rule applies to every past
/// application after a rebuild; no data migration).
/// </summary>
public sealed record ApplicationRuleCheck
{
    /// <summary>The application's id.</summary>
    public Guid Id { get; init; }
    /// <summary>The application's version the check has reached.</summary>
    public long Version { get; init; }
    /// <summary>The project's title.</summary>
    public string Title { get; init; } = "";
    /// <summary>The applicant organisation's name.</summary>
    public string Applicant { get; init; } = "";
    /// <summary>The applicant organisation.</summary>
    public Guid ApplicantId { get; init; }
    /// <summary>The programme.</summary>
    public Guid ProgrammeId { get; init; }
    /// <summary>The programme's rules the application is checked against.</summary>
    public ProgrammeTerms? Terms { get; init; }
    /// <summary>When it was drafted.</summary>
    public DateTimeOffset DraftedAt { get; init; }
    /// <summary>Whether it was submitted.</summary>
    public bool Submitted { get; init; }
    /// <summary>Its plan as it now stands.</summary>
    public ProjectPlan Plan { get; init; } = null!;
    /// <summary>The moments the rules apply to: submission, amendments, approval, reductions.</summary>
    public IReadOnlyList<PlanCheckpoint> Checkpoints { get; init; } = [];
    /// <summary>Its proposed decisions.</summary>
    public IReadOnlyList<ProposalOnRecord> Proposals { get; init; } = [];
    /// <summary>Its confirmed decisions.</summary>
    public IReadOnlyList<ConfirmationOnRecord> Confirmations { get; init; } = [];
    /// <summary>Its approvals in a de-minimis programme.</summary>
    public IReadOnlyList<DeMinimisGrantOnRecord> DeMinimisGrants { get; init; } = [];
    /// <summary>The rules its history breaks, where and how.</summary>
    public IReadOnlyList<RuleFinding> Findings { get; init; } = [];
    /// <summary>How many findings.</summary>
    public int FindingCount { get; init; }
    /// <summary>The time of the last event the check has seen.</summary>
    public DateTimeOffset CheckedUpTo { get; init; }
}

public sealed class ApplicationRuleCheckProjection : SingleStreamProjection<ApplicationRuleCheck, Guid>
{
    public const string ProjectionName = "ApplicationRuleCheck";

    public ApplicationRuleCheckProjection()
    {
        Name = ProjectionName;
        foreach (var eventType in typeof(IApplicationEvent).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IApplicationEvent))))
            IncludeType(eventType);
    }

    public override async ValueTask<ApplicationRuleCheck?> EvolveAsync(
        ApplicationRuleCheck? snapshot, Guid id, IQuerySession session, IEvent e, CancellationToken cancellation)
    {
        var next = (snapshot, e.Data) switch
        {
            (null, ApplicationDrafted drafted) => new ApplicationRuleCheck
            {
                Id = drafted.ApplicationId,
                Title = drafted.Plan.Title,
                Applicant = drafted.ApplicantName,
                ApplicantId = drafted.ApplicantId,
                ProgrammeId = drafted.ProgrammeId,
                Terms = await TermsOf(session, drafted.ProgrammeId, cancellation),
                DraftedAt = e.Timestamp,
                Plan = drafted.Plan,
            },
            (null, _) => null,
            (_, ApplicationAmended amended) => snapshot with
            {
                Plan = amended.Plan,
                Title = amended.Plan.Title,
                Checkpoints = snapshot.Submitted
                    ? [.. snapshot.Checkpoints, new PlanCheckpoint(PlanCheckpointKind.Amendment, e.Version, e.Timestamp, amended.Plan, null)]
                    : snapshot.Checkpoints,
            },
            (_, ApplicationSubmitted) => snapshot with
            {
                Submitted = true,
                Checkpoints = [.. snapshot.Checkpoints, new PlanCheckpoint(PlanCheckpointKind.Submission, e.Version, e.Timestamp, snapshot.Plan, null)],
            },
            (_, DecisionProposed proposed) => snapshot with
            {
                Proposals = [.. snapshot.Proposals, new ProposalOnRecord(proposed.ProposalNumber, proposed.Kind, proposed.Amount, proposed.RecordedBy, e.Version)],
            },
            (_, DecisionConfirmed confirmed) => snapshot with
            {
                Confirmations =
                [
                    .. snapshot.Confirmations,
                    new ConfirmationOnRecord(confirmed.ProposalNumber, confirmed.ProposedBy, confirmed.RecordedBy, e.Version, e.Timestamp),
                ],
            },
            (_, ApplicationApproved approved) => snapshot with
            {
                Checkpoints = [.. snapshot.Checkpoints, new PlanCheckpoint(PlanCheckpointKind.Approval, e.Version, e.Timestamp, snapshot.Plan, approved.Amount)],
                DeMinimisGrants = snapshot.Terms?.DeMinimis == true
                    ? [.. snapshot.DeMinimisGrants, await DeMinimisGrant(session, snapshot, approved, e, cancellation)]
                    : snapshot.DeMinimisGrants,
            },
            (_, DecisionAmended amended) => snapshot with
            {
                Checkpoints =
                [
                    .. snapshot.Checkpoints,
                    new PlanCheckpoint(PlanCheckpointKind.ChangeNotice, e.Version, e.Timestamp, snapshot.Plan with
                    {
                        Duration = snapshot.Plan.Duration with { To = amended.ProjectEnd },
                        TotalCosts = amended.CostPlan.TotalCosts,
                        OwnContribution = amended.CostPlan.OwnContribution,
                        ThirdPartyFunding = amended.CostPlan.ThirdPartyFunding,
                    }, amended.Amount),
                ],
            },
            (_, ApprovedAmountReduced reduced) => snapshot with
            {
                Checkpoints = [.. snapshot.Checkpoints, new PlanCheckpoint(PlanCheckpointKind.Reduction, e.Version, e.Timestamp, snapshot.Plan, reduced.Amount)],
            },
            _ => snapshot,
        };

        if (next is null) return null;
        var findings = ApplicationRules.Evaluate(next);
        return next with { Version = e.Version, CheckedUpTo = e.Timestamp, Findings = findings, FindingCount = findings.Count };
    }

    /// <summary>
    /// The applicant's de-minimis ledger as it stood when the approval was stored (the grant is entered in the same
    /// transaction), and the ceiling re-computed for this grant over it.
    /// </summary>
    private static async Task<DeMinimisGrantOnRecord> DeMinimisGrant(
        IQuerySession session, ApplicationRuleCheck application, ApplicationApproved approved, IEvent e, CancellationToken cancellation)
    {
        // An applicant not stored (a migrated history) has an empty ledger: the grant shows as not entered.
        var undertaking = await session.Events.AggregateStreamAsync<Organisation>(application.ApplicantId, timestamp: e.Timestamp, token: cancellation)
                          ?? new Organisation(application.ApplicantId, application.Applicant, OrganisationKind.Company, "");
        var grantedOn = AuthorityCalendar.DayOf(approved.RecordedAt);
        var check = DeMinimis.Check(undertaking, application.Id, approved.Amount, grantedOn);
        return new DeMinimisGrantOnRecord(e.Version, e.Timestamp, approved.Amount, undertaking.Aid.Any(a => a.ApplicationId == application.Id),
            undertaking.Name, check);
    }

    // A launch event never changes, so its terms are read once per programme, not once per application (a rebuild drafts 100,000).
    private readonly ConcurrentDictionary<Guid, ProgrammeTerms> _launchTerms = new();

    /// <summary>The rules of a programme as launched (programme rules have no later change event).</summary>
    private async Task<ProgrammeTerms?> TermsOf(IQuerySession session, Guid programmeId, CancellationToken cancellation)
    {
        if (_launchTerms.TryGetValue(programmeId, out var known)) return known;
        var launch = await session.Events.FetchStreamAsync(programmeId, version: 1, token: cancellation);
        if (launch.Count != 1 || launch[0].Data is not FundingProgrammeLaunched launched) return null;
        return _launchTerms[programmeId] =
            new ProgrammeTerms(programmeId, launched.Name, launched.Rules.MaxFundingRate, launched.Rules.MaxAmountPerApplication, launched.Rules.DeMinimis);
    }
}

/// <summary>Which re-checked applications to list.</summary>
/// <param name="Rule">Only applications breaking this rule (its code, e.g. <c>funding-rate-cap</c>).</param>
/// <param name="ProgrammeId">Only applications to this programme.</param>
/// <param name="ApplicationId">Only this application.</param>
/// <param name="All">Every application re-checked, also those without findings.</param>
public sealed record RuleFindingQuery(
    string? Rule = null,
    Guid? ProgrammeId = null,
    Guid? ApplicationId = null,
    bool All = false,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IPagedQuery;

public sealed class RuleFindingQueryValidator : AbstractValidator<RuleFindingQuery>
{
    public RuleFindingQueryValidator()
    {
        RuleFor(x => x.Rule).Must(rule => rule is null || ApplicationRules.All.Any(r => r.Code == rule))
            .WithMessage($"Known rules: {string.Join(", ", ApplicationRules.All.Select(r => r.Code))}.");
        this.PagingRules();
    }
}

public static class GetRuleFindingsEndpoint
{
    /// <summary>
    /// Lists the applications whose history breaks a rule, with the findings. The rules: funding rate, cap, own share, four-eyes,
    /// de-minimis ceiling; <c>?all=true</c> lists every application re-checked. It may lag a command by a moment.
    /// </summary>
    /// <remarks>Filtered by rule, programme or application. Kept by the projection daemon: <c>checkedUpTo</c> says how far it has come.</remarks>
    [Authorize(Roles = Roles.Auditors)]
    [WolverineGet("/api/audit/rule-findings")]
    public static async Task<Page<ApplicationRuleCheck>> Get([FromQuery] RuleFindingQuery query, IQuerySession session, CancellationToken cancellation)
    {
        var checks = session.Query<ApplicationRuleCheck>().AsQueryable();
        if (!query.All) checks = checks.Where(c => c.FindingCount > 0);
        if (query.ProgrammeId is { } programme) checks = checks.Where(c => c.ProgrammeId == programme);
        if (query.ApplicationId is { } application) checks = checks.Where(c => c.Id == application);
        if (query.Rule is { } rule) checks = checks.Where(c => c.Findings.Any(f => f.Rule == rule));
        return await checks.PageAsync(c => c.OrderBy(x => x.DraftedAt), query.Page, query.PageSize, cancellation);
    }
}
