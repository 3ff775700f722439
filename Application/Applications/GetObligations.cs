using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>The obligations of a grant as the case page shows them (ADR 0123), with the application's version for the next command.</summary>
/// <param name="Obligations">By number: period, required evidence, due days with their evidence or overdue mark, and a breach with its reclaim.</param>
/// <param name="Version">The application's version.</param>
public sealed record ObligationsView(IReadOnlyList<ObligationView> Obligations, long Version);

/// <summary>One obligation of the grant.</summary>
/// <param name="Number">Its number within the case, from 1.</param>
/// <param name="Kind">What the recipient is obliged to do.</param>
/// <param name="Description">The obligation in the notice's words.</param>
/// <param name="StartsOn">Its first day.</param>
/// <param name="Months">How many whole months it runs.</param>
/// <param name="EndsOn">Its last day.</param>
/// <param name="RequiredEvidence">The evidence required.</param>
/// <param name="Dues">The days evidence is due, each with the evidence recorded or its overdue mark.</param>
/// <param name="Breach">The breach once recorded: months fulfilled and the amount reclaimed pro rata.</param>
/// <param name="ImposedInVersion">The decision version whose amendment imposed it (ADR 0129); none when imposed with the approval or recorded later.</param>
/// <param name="AmendedInVersion">The decision version that last changed its terms (the terms shown are the changed ones).</param>
/// <param name="LiftedInVersion">The decision version that lifted it: no evidence is due any more and it cannot be breached.</param>
public sealed record ObligationView(
    int Number, ObligationKind Kind, string Description, DateOnly StartsOn, int Months, DateOnly EndsOn, string RequiredEvidence,
    IReadOnlyList<EvidenceDue> Dues, ObligationBreach? Breach, int? ImposedInVersion = null, int? AmendedInVersion = null, int? LiftedInVersion = null);

public static class GetObligationsEndpoint
{
    public static void Before(FundingApplication application, ClaimsPrincipal user) =>
        user.EnsureMayReadApplication(application.ApplicantId, application.AllianceId);

    /// <summary>
    /// Reads the obligations of the grant (read from the case's events: they are few per case); empty when none were imposed. They carry
    /// no personal data, so every reader of the application sees them.
    /// </summary>
    [Authorize(Roles = Roles.ApplicationReaders)]
    [WolverineGet("/api/applications/{applicationId}/obligations")]
    public static async Task<ObligationsView> Get(
        [ReadAggregate("applicationId")] FundingApplication application, IQuerySession session, CancellationToken cancellation)
    {
        var version = (await session.Events.FetchStreamStateAsync(application.Id, cancellation))?.Version ?? 0;
        return new ObligationsView(
            [.. application.Obligations.Select(o => new ObligationView(o.Number, o.Kind, o.Description, o.StartsOn, o.Months, o.EndsOn,
                o.RequiredEvidence, o.Dues, o.Breach, o.ImposedInVersion, o.AmendedInVersion, o.LiftedInVersion))],
            version);
    }
}
