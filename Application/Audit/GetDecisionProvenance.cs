using System.Globalization;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Fachwerk.Application.Audit;

/// <summary>A part of the application's substance (its plan or its parties) that differs after a decision from what it was based on.</summary>
/// <param name="Field">What changed, e.g. the plan's requested amount.</param>
/// <param name="AtBasis">Its value at the version the decision was based on.</param>
/// <param name="Now">Its value now.</param>
/// <param name="FirstChangedAtVersion">The version at which it first changed after the basis.</param>
/// <param name="FirstChangedAt">When.</param>
/// <param name="FirstChangedBy">By whom.</param>
public sealed record SubstanceChange(string Field, string? AtBasis, string? Now, long FirstChangedAtVersion, DateTimeOffset FirstChangedAt, string? FirstChangedBy);

/// <summary>
/// One vote or decision, beside the application as it stood when it was taken: the version the decider based it on
/// (recorded as <c>BasedOnVersion</c> by votes and proposals; the version just before the event for confirmations and
/// returns), the detail screen at that version, the events recorded between that version and the decision (normally none),
/// and what of the application's substance changed afterwards.
/// </summary>
/// <param name="Kind">What was decided: vote, proposal, confirmation or return.</param>
/// <param name="Label">The decision's name.</param>
/// <param name="Version">The version the decision was recorded at.</param>
/// <param name="DecidedAt">When.</param>
/// <param name="DecidedBy">Who decided, as the event records it.</param>
/// <param name="UserId">The user id the command was authenticated as.</param>
/// <param name="ProposalNumber">The proposal concerned, for proposals, confirmations and returns.</param>
/// <param name="Outcome">What it decided, in words.</param>
/// <param name="BasedOnVersion">The version of the application the decision was based on.</param>
/// <param name="BasedOnVersionRecorded">Whether the decision recorded that version itself (votes and proposals) rather than it
/// being taken from the version before.</param>
/// <param name="StateAtBasis">The application's detail screen as it stood at that version.</param>
/// <param name="RecordedBetweenBasisAndDecision">Events recorded between that version and the decision (normally none).</param>
/// <param name="ChangedAfterwards">What of the application's plan or parties changed after that version.</param>
public sealed record DecisionOnRecord(
    string Kind,
    Label Label,
    long Version,
    DateTimeOffset DecidedAt,
    string? DecidedBy,
    string? UserId,
    int? ProposalNumber,
    string Outcome,
    long BasedOnVersion,
    bool BasedOnVersionRecorded,
    ApplicationDetails? StateAtBasis,
    IReadOnlyList<TimelineEntry> RecordedBetweenBasisAndDecision,
    IReadOnlyList<SubstanceChange> ChangedAfterwards)
{
    /// <summary>The decider saw an older version than the one the decision was recorded on.</summary>
    public bool DecidedOnOutdatedVersion => RecordedBetweenBasisAndDecision.Count > 0;

    /// <summary>The plan or the parties of the application changed after the version the decision was based on.</summary>
    public bool ApplicationChangedAfterwards => ChangedAfterwards.Count > 0;
}

/// <summary>The application now, and each of its votes and decisions with the state it was based on.</summary>
/// <param name="ApplicationId">The application.</param>
/// <param name="CurrentVersion">Its version now.</param>
/// <param name="Current">Its detail screen now.</param>
/// <param name="Decisions">Its votes and decisions, each with the state it was based on.</param>
public sealed record DecisionProvenance(Guid ApplicationId, long CurrentVersion, ApplicationDetails Current, IReadOnlyList<DecisionOnRecord> Decisions);

public static class DecisionProvenances
{
    public static async Task<DecisionProvenance?> LoadAsync(IQuerySession session, Guid applicationId, CancellationToken cancellation)
    {
        var events = await session.Events.FetchStreamAsync(applicationId, token: cancellation);
        if (events.Count == 0 || events[0].Data is not ApplicationDrafted) return null;

        // The write model after every event: the substance each decision was based on, and when it changed afterwards.
        var states = new List<FundingApplication>(events.Count);
        FundingApplication? state = null;
        foreach (var e in events) states.Add(state = FundingApplication.Evolve(state, e.Data));
        var substances = states.Select(Substance).ToList();

        var decisions = new List<DecisionOnRecord>();
        foreach (var e in events)
        {
            if (Describe(e) is not { } decision) continue;
            var basis = decision.BasedOnVersion;
            // A basis outside the stream (only possible in data recorded around the workflow) has no state to show.
            var basisIndex = IndexOfVersion(events, basis);
            var known = basisIndex >= 0 && basis < e.Version;
            decisions.Add(new DecisionOnRecord(decision.Kind, EventLabels.For(e.EventType), e.Version, e.Timestamp,
                (e.Data as Domain.Common.IRecordedFact)?.RecordedBy, e.UserName, decision.ProposalNumber, decision.Outcome, basis,
                decision.Recorded,
                known ? await session.Events.AggregateStreamAsync<ApplicationDetails>(applicationId, basis, token: cancellation) : null,
                [.. events.Where(later => later.Version > basis && later.Version < e.Version).Select(TimelineEntry.From)],
                known ? ChangesAfter(basisIndex, events, substances) : []));
        }

        var current = await session.Events.AggregateStreamAsync<ApplicationDetails>(applicationId, token: cancellation);
        return new DecisionProvenance(applicationId, events[^1].Version, current!, decisions);
    }

    private sealed record Decision(string Kind, int? ProposalNumber, string Outcome, long BasedOnVersion, bool Recorded);

    private static Decision? Describe(IEvent e) => e.Data switch
    {
        AllianceVoteCast vote => new Decision("alliance-vote", null, vote.Recommends ? "recommends" : "does not recommend", vote.BasedOnVersion, true),
        DecisionProposed proposal => new Decision("proposal", proposal.ProposalNumber,
            proposal.Kind == DecisionKind.Approve ? $"approve {Money(proposal.Amount)}" : "reject", proposal.BasedOnVersion, true),
        DecisionConfirmed confirmed => new Decision("confirmation", confirmed.ProposalNumber,
            confirmed.Kind == DecisionKind.Approve ? $"approval of {Money(confirmed.Amount)} confirmed" : "rejection confirmed", e.Version - 1, false),
        DecisionReturned returned => new Decision("return", returned.ProposalNumber, "returned to the caseworker", e.Version - 1, false),
        _ => null,
    };

    private static int IndexOfVersion(IReadOnlyList<IEvent> events, long version)
    {
        for (var index = 0; index < events.Count; index++)
            if (events[index].Version == version) return index;
        return -1;
    }

    /// <summary>What of the substance differs after the event at <paramref name="basisIndex"/> from what it was then.</summary>
    private static List<SubstanceChange> ChangesAfter(int basisIndex, IReadOnlyList<IEvent> events, List<IReadOnlyDictionary<string, string?>> states)
    {
        var atBasis = states[basisIndex];
        var now = states[^1];
        var changes = new List<SubstanceChange>();
        foreach (var (field, value) in atBasis)
        {
            for (var index = basisIndex + 1; index < states.Count; index++)
            {
                if (string.Equals(states[index][field], value, StringComparison.Ordinal)) continue;
                var changedBy = events[index];
                changes.Add(new SubstanceChange(field, value, now[field], changedBy.Version, changedBy.Timestamp,
                    (changedBy.Data as Domain.Common.IRecordedFact)?.RecordedBy ?? changedBy.UserName));
                break;
            }
        }

        return changes;
    }

    /// <summary>The parts of an application a vote or decision is about: its plan and its parties (not its lifecycle).</summary>
    public static IReadOnlyDictionary<string, string?> Substance(FundingApplication application)
    {
        var plan = application.Plan;
        return new Dictionary<string, string?>
        {
            ["plan.title"] = plan.Title,
            ["plan.description"] = plan.Description,
            ["plan.duration"] = string.Create(CultureInfo.InvariantCulture, $"{plan.Duration.From:yyyy-MM-dd} – {plan.Duration.To:yyyy-MM-dd}"),
            ["plan.totalCosts"] = Money(plan.TotalCosts),
            ["plan.requestedAmount"] = Money(plan.RequestedAmount),
            ["plan.ownContribution"] = Money(plan.OwnContribution),
            ["plan.thirdPartyFunding"] = Money(plan.ThirdPartyFunding),
            ["plan.targetGroups"] = string.Join(", ", plan.TargetGroups),
            ["plan.plannedParticipants"] = plan.PlannedParticipants.ToString(CultureInfo.InvariantCulture),
            ["applicantId"] = application.ApplicantId.ToString(),
            ["programmeId"] = application.ProgrammeId.ToString(),
            ["allianceId"] = application.AllianceId.ToString(),
            ["district"] = application.District,
        };
    }

    private static string Money(decimal? amount) => amount is { } value ? value.ToString("N2", CultureInfo.InvariantCulture) + " EUR" : "–";
}

public static class GetDecisionProvenanceEndpoint
{
    /// <summary>
    /// Shows an application's vote and decisions, each beside the application as it stood when the decision was based on it.
    /// Flags decisions taken on an outdated version and changes to the plan or parties afterwards.
    /// </summary>
    [Authorize(Roles = Roles.Auditors)]
    [WolverineGet("/api/audit/applications/{applicationId}/decisions")]
    [ProducesResponseType<DecisionProvenance>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid applicationId, IQuerySession session, CancellationToken cancellation) =>
        await DecisionProvenances.LoadAsync(session, applicationId, cancellation) is { } provenance
            ? Results.Ok(provenance)
            : AuditProblems.ApplicationNotFound(applicationId);
}
