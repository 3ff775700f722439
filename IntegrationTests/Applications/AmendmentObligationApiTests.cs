using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Application.Letters;
using Fachwerk.Domain.Applications;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;
using Marten;
using Wolverine.Tracking;

namespace Fachwerk.IntegrationTests.Applications;

/// <summary>
/// An amendment adds and lifts a grant's obligations through the API (ADR 0129): proposed by a caseworker, confirmed by a second person,
/// in force with the decision's new version; refusals answered with codes or field errors and nothing appended.
/// </summary>
public class AmendmentObligationApiTests(AppFixture fixture) : FundingApi(fixture)
{
    private DateOnly Start => Today.AddMonths(3);

    private ObligationTerms Practice => new(ObligationKind.PractiseInDistrict, "Hausärztliche Tätigkeit im Landkreis Mansfeld-Südharz", Start, 60,
        "Bestätigung der Kassenärztlichen Vereinigung", [Start.AddYears(1), Start.AddYears(2)]);

    private ObligationTerms Report => new(ObligationKind.Other, "Jährlicher Tätigkeitsbericht", Start, 12, "Bericht", [Start.AddMonths(12)]);

    private ObligationTerms Training => new(ObligationKind.Other, "Ausbildung einer Weiterbildungsassistenz", Start, 24, "Weiterbildungsnachweis",
        [Start.AddMonths(12), Start.AddMonths(24)]);

    [Fact]
    public async Task An_amendment_adding_and_lifting_obligations_is_confirmed_by_a_second_person_and_the_grant_follows_it()
    {
        var (id, version) = await ReadyForDecision(await LaunchProgramme(rules: Rules(voteRequired: false)), vote: false, Plan());
        version = await Act(Caseworker, id, "decision-proposal", new ProposeDecision(version, DecisionKind.Approve, 40_000m, Obligations: [Practice, Report]));
        await ConfirmAndWait(id, version);
        version = (await Details(id)).Version;
        var before = await EventCount();

        // Refusals: codes for what the grant has not, field errors for bad terms; nothing appended.
        (await ProblemOf(await Post(Caseworker, $"/api/applications/{id}/amendments",
                new ProposeAmendment(version, "Auflage entfällt", Today, LiftedObligations: [5]), 409)))
            .Type.ShouldBe("urn:fachwerk:problem:amendment.obligation-unknown");
        var invalid = await ValidationProblemOf(await Post(Caseworker, $"/api/applications/{id}/amendments",
            new ProposeAmendment(version, "Auflagen neu", Today, NewObligations: [Training with { Months = 0 }],
                ChangedObligations: [new ObligationChange(1, Practice with { EvidenceDueDates = [] })]), 400));
        invalid.Errors.Keys.ShouldBe(["newObligations[0].months", "changedObligations[0].terms.evidenceDueDates"], ignoreOrder: true);
        var twice = await ValidationProblemOf(await Post(Caseworker, $"/api/applications/{id}/amendments",
            new ProposeAmendment(version, "Auflagen neu", Today, ChangedObligations: [new ObligationChange(2, Report with { Months = 6 })], LiftedObligations: [2]), 400));
        twice.Errors.Keys.ShouldBe(["liftedObligations"]);
        (await EventCount()).ShouldBe(before);

        // Proposed by the caseworker: the approver reads what it adds and lifts on the pending amendment; nothing changes yet.
        version = await Act(Caseworker, id, "amendments",
            new ProposeAmendment(version, "Bericht entfällt, dafür Weiterbildung; Antrag vom 3. März.", Today, NewObligations: [Training], LiftedObligations: [2]));
        var pending = (await Details(id)).PendingAmendment.ShouldNotBeNull();
        pending.Changes.ShouldBe([AmendmentChange.Obligations]);
        pending.Terms.NewObligations!.ShouldHaveSingleItem().Description.ShouldBe(Training.Description);
        pending.Terms.LiftedObligations.ShouldBe([2]);
        (await Get<ObligationsView>(Caseworker, $"/api/applications/{id}/obligations")).Obligations.Count.ShouldBe(2);

        // Confirmed by the second person: the new version, and in its transaction the obligations, the new due days' timers.
        var tracked = await Host.ExecuteAndWaitAsync(async () => await Act(Approver, id, "amendments/confirmation", new ConfirmAmendment(version)), 60_000);
        tracked.Scheduled.MessagesOf<ObligationEvidenceDeadlineReached>().Select(t => (t.Number, t.DueBy))
            .ShouldBe([(3, Training.EvidenceDueDates[0]), (3, Training.EvidenceDueDates[1])], ignoreOrder: true);
        var details = await Details(id);
        details.DecisionVersions.Select(v => (v.Version, v.Changes.Count)).ShouldBe([(1, 0), (2, 1)]);
        details.DecisionVersions[1].Changes.ShouldBe([AmendmentChange.Obligations]);
        details.DecisionVersions[1].ConfirmedBy.ShouldBe(Approver.Id);

        var read = await Get<ObligationsView>(Reviewer, $"/api/applications/{id}/obligations");
        read.Obligations.Select(o => (o.Number, o.Description, o.ImposedInVersion, o.LiftedInVersion)).ShouldBe([
            (1, Practice.Description, (int?)null, (int?)null), (2, Report.Description, null, 2), (3, Training.Description, 2, null),
        ]);
        await using (var session = Store.QuerySession())
        {
            var events = await session.Events.FetchStreamAsync(id, token: TestContext.Current.CancellationToken);
            var amended = events.Single(e => e.Data is DecisionAmended);
            events.Single(e => e.Data is ObligationImposed { Number: 3 }).Version.ShouldBe(amended.Version + 1, "in the amendment's transaction");
            events.Single(e => e.Data is ObligationLifted).Version.ShouldBe(amended.Version + 2);

            // The change notice lists what the version added and lifted.
            var notice = (await ChangeNoticeFacts.LoadAsync(session, id, 2, TestContext.Current.CancellationToken)).ShouldNotBeNull();
            notice.Obligations!.Select(o => (o.Number, o.Before?.Description, o.After?.Description))
                .ShouldBe([(3, null, Training.Description), (2, Report.Description, null)]);
        }

        // The lifted obligation can no longer be breached, nor evidenced, nor lifted again; nothing appended.
        version = read.Version;
        before = await EventCount();
        (await ProblemOf(await Post(Caseworker, $"/api/applications/{id}/obligations/2/breach", new RecordObligationBreach(version, 3, Today.AddMonths(2)), 409)))
            .Type.ShouldBe("urn:fachwerk:problem:obligation.lifted");
        (await ProblemOf(await Post(Caseworker, $"/api/applications/{id}/obligations/2/evidence",
                new RecordObligationEvidence(version, Report.EvidenceDueDates[0], "Bericht"), 409)))
            .Type.ShouldBe("urn:fachwerk:problem:obligation.lifted");
        (await ProblemOf(await Post(Caseworker, $"/api/applications/{id}/amendments", new ProposeAmendment(version, "Noch einmal", Today, LiftedObligations: [2]), 409)))
            .Type.ShouldBe("urn:fachwerk:problem:amendment.obligation-lifted");
        (await EventCount()).ShouldBe(before);

        // A second amendment changes obligation 1: its new terms are read; a changed due day gets its timer.
        var shorter = Practice with { Months = 36, EvidenceDueDates = [Start.AddYears(1), Start.AddMonths(36)] };
        version = await Act(Caseworker, id, "amendments", new ProposeAmendment(version, "Kürzere Bindung", Today, ChangedObligations: [new ObligationChange(1, shorter)]));
        tracked = await Host.ExecuteAndWaitAsync(async () => await Act(DemoUsers.Deputy, id, "amendments/confirmation", new ConfirmAmendment(version)), 60_000);
        tracked.Scheduled.MessagesOf<ObligationEvidenceDeadlineReached>().Select(t => (t.Number, t.DueBy)).ShouldBe([(1, Start.AddMonths(36))]);
        var changed = (await Get<ObligationsView>(Caseworker, $"/api/applications/{id}/obligations")).Obligations[0];
        (changed.Months, changed.AmendedInVersion).ShouldBe((36, 3));
        changed.Dues.Select(d => d.DueBy).ShouldBe(shorter.EvidenceDueDates);
    }
}
