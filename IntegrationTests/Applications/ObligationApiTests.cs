using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Applications;

/// <summary>Obligations of a grant through the API (ADR 0123): recorded, evidenced, breached with a pro-rata reclaim; refusals append nothing.</summary>
public class ObligationApiTests(AppFixture fixture) : FundingApi(fixture)
{
    [Fact]
    public async Task A_breach_after_27_of_60_months_reclaims_33_60ths_of_what_was_paid_through_the_reclaim()
    {
        var programme = await LaunchProgramme(rules: Rules(voteRequired: false));
        var (id, version) = await Approved(programme);
        version = await Paid(id, version, 30_000m, 7_500m);
        var start = Today.AddMonths(1);

        var invalid = await ValidationProblemOf(await Post(Caseworker, $"/api/applications/{id}/obligations",
            new ImposeObligation(version, ObligationKind.PractiseInDistrict, "", start, 0, "KV-Bestätigung", [start.AddYears(1)]), 400));
        invalid.Errors.Keys.ShouldBe(["description", "months"], ignoreOrder: true);
        var events = await EventCount();
        (await ProblemOf(await Post(Caseworker, $"/api/applications/{id}/obligations",
            new ImposeObligation(version, ObligationKind.PractiseInDistrict, "Praxis im Landkreis", start, 60, "KV-Bestätigung", [start.AddDays(-1)]), 409)))
            .Type.ShouldBe("urn:fachwerk:problem:obligation.evidence-before-start");
        (await EventCount()).ShouldBe(events);

        version = await Act(Caseworker, id, "obligations",
            new ImposeObligation(version, ObligationKind.PractiseInDistrict, "Praxis im Landkreis", start, 60, "KV-Bestätigung", [start.AddYears(1)]));
        version = await Act(Caseworker, id, "obligations/1/evidence", new RecordObligationEvidence(version, start.AddYears(1), "KV-Bestätigung vom Vortag"));
        version = await ActAndWait(Caseworker, id, "obligations/1/breach", new RecordObligationBreach(version, 27, Today.AddMonths(2)));

        var details = await Details(id);
        (details.Status, details.ApprovedAmount, details.Version).ShouldBe((ApplicationStatus.ReclaimDemanded, 40_000m - 16_500m, version));
        // Every reader of the case reads the obligation: its period, the evidence per due day and the breach with its reclaim.
        var read = await Get<ObligationsView>(Reviewer, $"/api/applications/{id}/obligations");
        read.Version.ShouldBe(version);
        var obligation = read.Obligations.ShouldHaveSingleItem();
        (obligation.Number, obligation.Months, obligation.EndsOn, obligation.Breach!.FulfilledMonths, obligation.Breach.Reclaimed)
            .ShouldBe((1, 60, start.AddMonths(60).AddDays(-1), 27, 16_500m));
        obligation.Dues.ShouldBe([new EvidenceDue(start.AddYears(1), "KV-Bestätigung vom Vortag")]);
        (await ProblemOf(await Post(Caseworker, $"/api/applications/{id}/obligations/1/breach",
            new RecordObligationBreach(version, 30, Today.AddMonths(2)), 409))).Type.ShouldBe("urn:fachwerk:problem:obligation.breached");
    }
}
