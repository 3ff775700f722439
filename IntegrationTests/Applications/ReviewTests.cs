using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Application.Programmes;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Programmes;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Applications;

/// <summary>Several reviewers score an application on its programme's criteria over the API (ADR 0093).</summary>
public class ReviewTests(AppFixture fixture) : ApplicationApi(fixture)
{
    private static readonly DemoUser Rita = new("rita.rezension", "Rita Rezension (IHK Halle-Dessau)", [Roles.AllianceReviewer]);
    private static readonly DemoUser Robert = new("robert.rezension", "Robert Rezension (Agentur für Arbeit Halle)", [Roles.AllianceReviewer]);
    private static readonly DemoUser Elsewhere = new("egon.anderswo", "Egon Anderswo (anderes Bündnis)", [Roles.AllianceReviewer]);

    private static readonly IReadOnlyList<ReviewCriterion> Criteria =
    [
        new("Bedarf in der Region", 40, "Fehlt das Angebot in der Region?"),
        new("Wirkung", 30),
        new("Kosten", 30),
    ];

    /// <summary>Every reviewer here reviews for the test's alliance, except Egon, who reviews for another one.</summary>
    protected override (Guid? Organisation, Guid? Alliance, Guid? Pilot) BindingsOf(DemoUser user, string? url) =>
        user == Elsewhere ? (null, Guid.NewGuid(), null)
        : user.Roles.Contains(Roles.AllianceReviewer) ? (null, AllianceId, null)
        : base.BindingsOf(user, url);

    private static Dictionary<string, int> Scores(int need, int impact, int costs) =>
        new() { ["Bedarf in der Region"] = need, ["Wirkung"] = impact, ["Kosten"] = costs };

    /// <summary>A programme that scores on <see cref="Criteria"/>, and an application of it, submitted (version 2).</summary>
    private async Task<Guid> SubmittedForReview()
    {
        var programme = await LaunchProgramme();
        await Send(Caseworker, HttpMethod.Put, $"/api/programmes/{programme}/review-criteria", new SetReviewCriteria(1, Criteria));
        return await Submitted(programme);
    }

    private async Task<long> Assign(Guid application, long version, DemoUser reviewer, DemoUser? by = null) =>
        await Act(by ?? Caseworker, application, "reviewers", new AssignReviewer(version, reviewer.Id, reviewer.DisplayName));

    private async Task<long> Review(Guid application, long version, DemoUser reviewer, Dictionary<string, int> scores, int status = 200) =>
        (await Read<CommandAccepted>(await Send(reviewer, HttpMethod.Put, $"/api/applications/{application}/review",
            new SubmitReview(version, scores, "Begründung", DeclaresNoConflictOfInterest: true), status))).Version;

    private Task<ApplicationReviews> Reviews(Guid application, DemoUser? user = null) =>
        Get<ApplicationReviews>(user ?? Caseworker, $"/api/applications/{application}/reviews");

    private async Task<ApplicationSummary> Listed(Guid application, DemoUser? user = null) =>
        (await Get<Page<ApplicationSummary>>(user ?? Caseworker, $"/api/applications?q={application}")).Items.ShouldHaveSingleItem();

    [Fact]
    public async Task Three_reviewers_score_and_the_reviews_give_each_weighted_average_their_mean_and_spread()
    {
        var application = await SubmittedForReview();
        var version = await Assign(application, 2, Rita);
        version = await Assign(application, version, Robert, by: Reviewer);
        version = await Assign(application, version, Reviewer);
        (await Details(application)).Version.ShouldBe(version);

        version = await Review(application, version, Rita, Scores(8, 6, 4));
        version = await Review(application, version, Robert, Scores(5, 5, 5));
        version = await Review(application, version, Reviewer, Scores(10, 9, 7));

        var reviews = await Reviews(application, Reviewer);
        reviews.Version.ShouldBe(version);
        reviews.Open.ShouldBeTrue();
        reviews.Criteria.ShouldBe(Criteria);
        reviews.Reviewers.Select(r => (r.Name, r.WeightedAverage)).ShouldBe(
            [(Rita.DisplayName, 6.2m), (Robert.DisplayName, 5m), (Reviewer.DisplayName, 8.8m)]);
        reviews.Reviewers[0].Scores!.Select(s => s.Score).ShouldBe([8, 6, 4]);
        (reviews.Summary.Counted, reviews.Summary.Average, reviews.Summary.Lowest, reviews.Summary.Highest, reviews.Summary.StandardDeviation)
            .ShouldBe((3, 6.67m, 5m, 8.8m, 1.59m));
        (await Details(application)).Status.ShouldBe(ApplicationStatus.Submitted);

        // The application list (the pipeline of cases) shows the same figures to staff and the alliance's reviewers.
        foreach (var reader in new[] { Caseworker, Reviewer })
        {
            var listed = (await Listed(application, reader)).Review!;
            (listed.Counted, listed.Average, listed.Lowest, listed.Highest, listed.StandardDeviation).ShouldBe((3, 6.67m, 5m, 8.8m, 1.59m));
        }
    }

    [Fact]
    public async Task The_alliance_pipeline_averages_the_reviewed_applications_mean_scores_per_programme()
    {
        var programme = await LaunchProgramme();
        await Send(Caseworker, HttpMethod.Put, $"/api/programmes/{programme}/review-criteria", new SetReviewCriteria(1, Criteria));
        var twice = await Submitted(programme);
        var once = await Submitted(programme);
        await Submitted(programme);

        var version = await Assign(twice, 2, Rita);
        version = await Assign(twice, version, Robert);
        version = await Review(twice, version, Rita, Scores(8, 6, 4));
        await Review(twice, version, Robert, Scores(5, 5, 5));
        await Review(once, await Assign(once, 2, Reviewer), Reviewer, Scores(10, 9, 7));

        // Each application counts once, with the mean of its reviews: (6.2 + 5) / 2 = 5.6 and 8.8 give 7.2, the third is not reviewed.
        var pipeline = await Get<AlliancePipeline>(Caseworker, $"/api/alliances/{AllianceId}/pipeline?programmeId={programme}");
        var row = pipeline.Programmes.ShouldHaveSingleItem();
        (row.Applications, row.Reviewed, row.ReviewAverage).ShouldBe((3, 2, 7.2m));
        (pipeline.Reviewed, pipeline.ReviewAverage).ShouldBe((2, 7.2m));

        // A conflict declared afterwards takes the reviewer's score out of the average.
        await Act(Robert, twice, "review-conflict", new DeclareReviewConflict((await Reviews(twice, Robert)).Version, "Mitglied im Trägerverein"));
        row = (await Get<AlliancePipeline>(DemoUsers.DashboardReader, $"/api/alliances/{AllianceId}/pipeline?programmeId={programme}")).Programmes.ShouldHaveSingleItem();
        (row.Reviewed, row.ReviewAverage).ShouldBe((2, 7.5m), "(6.2 + 8.8) / 2, read by the ministry's dashboard reader as an aggregate");
    }

    [Fact]
    public async Task A_score_out_of_range_answers_400_with_the_field_and_appends_nothing()
    {
        var application = await SubmittedForReview();
        var version = await Assign(application, 2, Rita);
        var before = await EventCount();

        var problem = await ValidationProblemOf(await Send(Rita, HttpMethod.Put, $"/api/applications/{application}/review",
            new SubmitReview(version, Scores(11, 5, 5), DeclaresNoConflictOfInterest: false), 400));

        problem.Errors.Keys.ShouldBe(["scores[0].score", "declaresNoConflictOfInterest"], ignoreOrder: true);
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task A_reviewer_who_is_not_assigned_is_refused_and_nothing_is_appended()
    {
        var application = await SubmittedForReview();
        var version = await Assign(application, 2, Rita);
        var before = await EventCount();

        var problem = await ProblemOf(await Send(Robert, HttpMethod.Put, $"/api/applications/{application}/review",
            new SubmitReview(version, Scores(5, 5, 5), DeclaresNoConflictOfInterest: true), 409));

        problem.Type.ShouldBe("urn:fachwerk:problem:review.not-assigned");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task A_reviewer_who_declared_a_conflict_cannot_score_and_is_left_out_of_the_summary()
    {
        var application = await SubmittedForReview();
        var version = await Assign(application, 2, Rita);
        version = await Assign(application, version, Robert);
        version = await Act(Rita, application, "review-conflict", new DeclareReviewConflict(version, "Mein Bruder leitet den Träger."));
        var before = await EventCount();

        var problem = await ProblemOf(await Send(Rita, HttpMethod.Put, $"/api/applications/{application}/review",
            new SubmitReview(version, Scores(5, 5, 5), DeclaresNoConflictOfInterest: true), 409));

        problem.Type.ShouldBe("urn:fachwerk:problem:review.conflicted");
        (await EventCount()).ShouldBe(before);
        await Review(application, version, Robert, Scores(6, 6, 6));
        var reviews = await Reviews(application);
        reviews.Reviewers[0].Conflict.ShouldBe("Mein Bruder leitet den Träger.");
        (reviews.Summary.Counted, reviews.Summary.Average).ShouldBe((1, 6m));

        // A conflict declared after scoring takes that review out of the list's figures too.
        version = await Review(application, reviews.Version, Robert, Scores(6, 6, 6));
        (await Listed(application)).Review!.Counted.ShouldBe(1);
        await Act(Robert, application, "review-conflict", new DeclareReviewConflict(version, "Ich berate den Träger seit gestern."));
        (await Listed(application)).Review.ShouldBeNull();
        (await Reviews(application)).Summary.Counted.ShouldBe(0);
    }

    [Fact]
    public async Task Reviews_close_when_the_alliance_votes_and_the_vote_stays_as_it_was()
    {
        var application = await SubmittedForReview();
        var version = await Assign(application, 2, Rita);
        version = await Review(application, version, Rita, Scores(7, 7, 7));
        version = await Act(Caseworker, application, "formal-completeness", new CompleteFormally(version));
        version = await Act(Reviewer, application, "alliance-vote", new CastAllianceVote(version, ChamberId, true, "Passt zur Strategie",
            DeclaresNoConflictOfInterest: true));

        (await Reviews(application)).Open.ShouldBeFalse();
        (await ProblemOf(await Send(Rita, HttpMethod.Put, $"/api/applications/{application}/review",
            new SubmitReview(version, Scores(9, 9, 9), DeclaresNoConflictOfInterest: true), 409))).Type.ShouldBe("urn:fachwerk:problem:review.not-open");
        (await Reviews(application)).Summary.Average.ShouldBe(7m);
    }

    [Fact]
    public async Task The_applicant_does_not_read_the_reviews_and_another_alliance_neither_reads_nor_assigns()
    {
        var application = await SubmittedForReview();

        await GetExpecting(Applicant, $"/api/applications/{application}/reviews", 403);
        await GetExpecting(Elsewhere, $"/api/applications/{application}/reviews", 403);
        await Send(Elsewhere, HttpMethod.Post, $"/api/applications/{application}/reviewers", new AssignReviewer(2, Rita.Id, Rita.DisplayName), 403);
        (await ProblemOf(await Send(Caseworker, HttpMethod.Post, $"/api/applications/{application}/reviewers",
            new AssignReviewer(2, Applicant.Id, Applicant.DisplayName), 409))).Type.ShouldBe("urn:fachwerk:problem:review.applicant-side");

        // Scored reviews are in the list for staff, and left out of the applicant's own list.
        var version = await Assign(application, 2, Rita);
        await Review(application, version, Rita, Scores(9, 9, 9));
        (await Listed(application)).Review!.Average.ShouldBe(9m);
        var own = await Listed(application, Applicant);
        (own.Review, own.ReviewAverages.Count).ShouldBe((null, 0), "the list leaves the reviews out for the applicant");
    }

    [Fact]
    public async Task Review_criteria_whose_weights_do_not_add_up_to_100_are_refused_and_without_criteria_there_are_no_reviews()
    {
        var programme = await LaunchProgramme();
        var before = await EventCount();

        var problem = await ValidationProblemOf(await Send(Caseworker, HttpMethod.Put, $"/api/programmes/{programme}/review-criteria",
            new SetReviewCriteria(1, [new("Wirkung", 60), new("Kosten", 30)]), 400));

        problem.Errors.Keys.ShouldBe(["criteria"]);
        (await EventCount()).ShouldBe(before);
        var application = await Submitted(programme);
        (await ProblemOf(await Send(Caseworker, HttpMethod.Post, $"/api/applications/{application}/reviewers",
            new AssignReviewer(2, Rita.Id, Rita.DisplayName), 409))).Type.ShouldBe("urn:fachwerk:problem:review.no-criteria");
        (await Reviews(application)).Criteria.ShouldBeEmpty();
    }
}
