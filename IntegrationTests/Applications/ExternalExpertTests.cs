using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Application.Programmes;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Programmes;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Documents;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Applications;

/// <summary>External experts review the applications assigned to them, and read nothing else (ADR 0093, docs/access.md).</summary>
public class ExternalExpertTests(AppFixture fixture) : DocumentApi(fixture)
{
    private static readonly DemoUser Erika = DemoUsers.ExternalExpert;
    private static readonly DemoUser Ernst = new("ernst.extern", "Ernst Extern (Gutachter)", [Roles.ExternalExpert]);

    private static readonly IReadOnlyList<ReviewCriterion> Criteria = [new("Wirkung", 60), new("Kosten", 40)];

    private static Dictionary<string, int> Scores(int impact, int costs) => new() { ["Wirkung"] = impact, ["Kosten"] = costs };

    private async Task<Guid> ProgrammeWithCriteria(bool allowsExperts)
    {
        var programme = await LaunchProgramme();
        await Send(Caseworker, HttpMethod.Put, $"/api/programmes/{programme}/review-criteria",
            new SetReviewCriteria(1, Criteria, AllowsExternalExperts: allowsExperts));
        return programme;
    }

    /// <summary>Drafted with the statutes uploaded, then submitted (version 3); returns the document's id too.</summary>
    private async Task<(Guid Application, Guid Document)> SubmittedWithDocument(Guid programme)
    {
        var application = await Draft(programme);
        using var upload = await Upload(Applicant, application, TestDocuments.Pdf(), "Satzung 2026.pdf", 1, "statutes");
        upload.EnsureSuccessStatusCode();
        await Act(Applicant, application, "submission", new SubmitApplication(2));
        return (application, (await Details(application)).Documents.ShouldHaveSingleItem().DocumentId);
    }

    private async Task<long> AssignExpert(Guid application, long version, DemoUser expert, DemoUser? by = null, int status = 200)
    {
        await EnsureExpertListed(expert);
        return await Act(by ?? Caseworker, application, "reviewers", new AssignReviewer(version, expert.Id, expert.DisplayName, External: true), status);
    }

    [Fact]
    public async Task A_caseworker_assigns_an_expert_who_reads_the_application_and_its_documents_scores_and_sees_only_her_own_review()
    {
        var programme = await ProgrammeWithCriteria(allowsExperts: true);
        (await Get<ProgrammeDetails>(Caseworker, $"/api/programmes/{programme}")).AllowsExternalExperts.ShouldBeTrue();
        var (application, document) = await SubmittedWithDocument(programme);
        var version = await AssignExpert(application, 3, Erika);
        version = await Act(Caseworker, application, "reviewers", new AssignReviewer(version, Reviewer.Id, Reviewer.DisplayName));
        version = (await Read<CommandAccepted>(await Send(Reviewer, HttpMethod.Put, $"/api/applications/{application}/review",
            new SubmitReview(version, Scores(2, 2), DeclaresNoConflictOfInterest: true)))).Version;

        // Her assignment is her start; the application reads without the payee account, its documents download.
        var assignment = (await Get<IReadOnlyList<ReviewAssignment>>(Erika, "/api/review-assignments")).ShouldHaveSingleItem();
        (assignment.ApplicationId, assignment.Title, assignment.Applicant, assignment.Open, assignment.ReviewedAt).ShouldBe(
            (application, "Expedition Job", "Haus Steinstraße e.V.", true, null));
        var read = await Get<ApplicationDetails>(Erika, $"/api/applications/{application}");
        (read.Plan.Title, read.PayeeAccount).ShouldBe(("Expedition Job", null));
        using (var download = await Download(Erika, application, document.ToString()))
            ((int)download.StatusCode).ShouldBe(200);

        // Before she scores she sees no other reviewer's scores, nor their mean.
        var own = await Get<ApplicationReviews>(Erika, $"/api/applications/{application}/reviews");
        own.Reviewers.ShouldHaveSingleItem().Reviewer.ShouldBe(Erika.Id);
        own.Summary.Counted.ShouldBe(0);

        version = (await Read<CommandAccepted>(await Send(Erika, HttpMethod.Put, $"/api/applications/{application}/review",
            new SubmitReview(version, Scores(8, 5), "Überzeugendes Konzept", DeclaresNoConflictOfInterest: true)))).Version;
        own = await Get<ApplicationReviews>(Erika, $"/api/applications/{application}/reviews");
        (own.Reviewers.ShouldHaveSingleItem().WeightedAverage, own.Summary.Counted, own.Summary.Average).ShouldBe((6.8m, 1, 6.8m));

        // Staff see both reviews, hers marked external, and both count.
        var all = await Get<ApplicationReviews>(Caseworker, $"/api/applications/{application}/reviews");
        all.Reviewers.Select(r => (r.Reviewer, r.External)).ShouldBe([(Erika.Id, true), (Reviewer.Id, false)]);
        (all.Summary.Counted, all.Summary.Average, all.Version, all.AllowsExternalExperts).ShouldBe((2, 4.4m, version, true));
        (await Get<IReadOnlyList<ReviewAssignment>>(Erika, "/api/review-assignments")).ShouldHaveSingleItem().ReviewedAt.ShouldNotBeNull();

        // The case's history tells her assignment apart from the alliance reviewer's.
        var assignments = (await Get<Page<HistoryEntry>>(Caseworker, $"/api/applications/{application}/history")).Items
            .Where(h => h.EventType == "reviewer_assigned").OrderBy(h => h.Version).Select(h => h.Label.De).ToList();
        assignments.ShouldBe(["Begutachtung zugewiesen (extern)", "Begutachtung zugewiesen"]);
    }

    [Fact]
    public async Task An_expert_reads_nothing_but_her_assignments()
    {
        var programme = await ProgrammeWithCriteria(allowsExperts: true);
        var (mine, _) = await SubmittedWithDocument(programme);
        var (other, otherDocument) = await SubmittedWithDocument(programme);
        await AssignExpert(mine, 3, Erika);
        await AssignExpert(other, 3, Ernst);

        // Another expert's application, its documents and its reviews are closed to her, and she cannot score it.
        await GetExpecting(Erika, $"/api/applications/{other}", 403);
        using (var download = await Download(Erika, other, otherDocument.ToString()))
            ((int)download.StatusCode).ShouldBe(403);
        await GetExpecting(Erika, $"/api/applications/{other}/reviews", 403);
        await Send(Erika, HttpMethod.Put, $"/api/applications/{other}/review", new SubmitReview(4, Scores(5, 5), DeclaresNoConflictOfInterest: true), 403);
        await Send(Erika, HttpMethod.Post, $"/api/applications/{other}/review-conflict", new DeclareReviewConflict(4, "Befangen"), 403);

        // Lists, the inbox, budgets, registries, dashboards and persons' data refuse her outright.
        foreach (var url in new[]
                 {
                     "/api/applications", "/api/inbox", $"/api/programmes/{programme}", $"/api/programmes/{programme}/budget", "/api/organisations",
                     $"/api/organisations/{ApplicantId}", "/api/alliances", $"/api/alliances/{AllianceId}/pipeline", "/api/network-dashboards/regions",
                     $"/api/applications/{mine}/applicant-person", $"/api/applications/{mine}/conversation", $"/api/applications/{mine}/history",
                     $"/api/applications/{mine}/origins", "/api/people/me",
                 })
            await GetExpecting(Erika, url, 403);
        (await Get<IReadOnlyList<ReviewAssignment>>(Erika, "/api/review-assignments")).ShouldHaveSingleItem().ApplicationId.ShouldBe(mine);
    }

    [Fact]
    public async Task After_declaring_a_conflict_the_expert_no_longer_reads_the_application()
    {
        var (application, _) = await SubmittedWithDocument(await ProgrammeWithCriteria(allowsExperts: true));
        var version = await AssignExpert(application, 3, Erika);

        await Act(Erika, application, "review-conflict", new DeclareReviewConflict(version, "Ich bin Mitglied im Trägerverein."));

        await GetExpecting(Erika, $"/api/applications/{application}", 403);
        await GetExpecting(Erika, $"/api/applications/{application}/reviews", 403);
        (await Get<IReadOnlyList<ReviewAssignment>>(Erika, "/api/review-assignments")).ShouldBeEmpty();
        (await Get<ApplicationReviews>(Caseworker, $"/api/applications/{application}/reviews")).Reviewers.ShouldHaveSingleItem().Conflict
            .ShouldBe("Ich bin Mitglied im Trägerverein.");
    }

    [Fact]
    public async Task Experts_are_refused_where_the_programme_does_not_allow_them_and_only_caseworkers_assign_them()
    {
        var (application, _) = await SubmittedWithDocument(await ProgrammeWithCriteria(allowsExperts: false));
        var before = await EventCount();

        (await ProblemOf(await Send(Caseworker, HttpMethod.Post, $"/api/applications/{application}/reviewers",
            new AssignReviewer(3, Erika.Id, Erika.DisplayName, External: true), 409))).Type.ShouldBe("urn:fachwerk:problem:review.external-not-allowed");
        await Send(Reviewer, HttpMethod.Post, $"/api/applications/{application}/reviewers",
            new AssignReviewer(3, Erika.Id, Erika.DisplayName, External: true), 403);
        (await EventCount()).ShouldBe(before);

        // Assigned as one of the alliance's reviewers (not external), the expert role does not make her read it.
        await Act(Caseworker, application, "reviewers", new AssignReviewer(3, Erika.Id, Erika.DisplayName));
        await GetExpecting(Erika, $"/api/applications/{application}", 403);
    }
}
