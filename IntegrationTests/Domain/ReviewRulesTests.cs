using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Programmes;
using static Fachwerk.IntegrationTests.Domain.ApplicationWorld;

namespace Fachwerk.IntegrationTests.Domain;

/// <summary>Several reviewers score an application on its programme's criteria (ReviewDecider, ReviewSummary, ADR 0093).</summary>
public class ReviewRulesTests
{
    private static readonly IReadOnlyList<ReviewCriterion> Criteria =
    [
        new("Bedarf in der Region", 40, "Fehlt das Angebot in der Region?"),
        new("Wirkung", 30),
        new("Kosten", 30),
    ];

    private static readonly Stamp ByRita = new("rita", Now);
    private static readonly Stamp ByRobert = new("robert", Now);
    private static readonly Stamp ByRuth = new("ruth", Now);

    private static Dictionary<string, int> Scores(int need, int impact, int costs) =>
        new() { ["Bedarf in der Region"] = need, ["Wirkung"] = impact, ["Kosten"] = costs };

    private static FundingApplication Case(params object[] events) =>
        Given.History<FundingApplication>([Drafted(Alliance(true, Chamber, HausSteinstrasse), Programme()), Submitted(), .. events]);

    private static ReviewerAssigned Assigned(string reviewer) => new(AppId, reviewer, reviewer.ToUpperInvariant(), "sabine", Now);

    private static ApplicationReviewed Reviewed(string reviewer, int need, int impact, int costs) =>
        ReviewDecider.Review(Case(Assigned(reviewer)), Criteria, Scores(need, impact, costs), "ok", true, new Stamp(reviewer, Now));

    [Fact]
    public void A_programme_scores_on_named_criteria_whose_weights_add_up_to_100_percent()
    {
        var set = ProgrammeDecider.SetReviewCriteria(Programme(), [new(" Wirkung ", 60, " "), new("Kosten", 40, "Angemessen?")], Caseworker)
            .Single().ShouldBeOfType<ReviewCriteriaSet>();
        set.Criteria.ShouldBe([new("Wirkung", 60), new("Kosten", 40, "Angemessen?")]);
        set.RecordedBy.ShouldBe("sabine");
        var programme = FundingProgramme.Evolve(Programme(), set);
        programme.ReviewCriteria.Select(c => c.Name).ShouldBe(["Wirkung", "Kosten"]);

        ProgrammeDecider.SetReviewCriteria(programme, [new("Wirkung", 60), new("Kosten", 40, "Angemessen?")], Caseworker).ShouldBeEmpty();
        ProgrammeDecider.SetReviewCriteria(programme, [], Caseworker).Single().ShouldBeOfType<ReviewCriteriaSet>().Criteria.ShouldBeEmpty();
        Given.Refusal(() => ProgrammeDecider.SetReviewCriteria(Programme(), [new("Wirkung", 60), new("Kosten", 30)], Caseworker))
            .Code.ShouldBe("programme.criteria-weights");
        Given.Refusal(() => ProgrammeDecider.SetReviewCriteria(Programme(), [new("Wirkung", 50), new("wirkung ", 50)], Caseworker))
            .Code.ShouldBe("programme.duplicate-criterion");
        Given.Refusal(() => ProgrammeDecider.SetReviewCriteria(Programme(), [new("Wirkung", 100), new("Kosten", 0)], Caseworker))
            .Code.ShouldBe("programme.criterion-weight");
        Given.Refusal(() => ProgrammeDecider.SetReviewCriteria(Programme(), [new(" ", 100)], Caseworker)).Code.ShouldBe("programme.criterion-unnamed");
        Given.Refusal(() => ProgrammeDecider.SetReviewCriteria(Programme(), [.. Enumerable.Range(1, 11).Select(i => new ReviewCriterion($"K{i}", 9))], Caseworker))
            .Code.ShouldBe("programme.too-many-criteria");
    }

    [Fact]
    public void Reviewers_are_assigned_once_each_and_the_status_stays()
    {
        var assigned = ReviewDecider.Assign(Case(), Criteria, " rita ", " Rita Rezensentin ", Caseworker);
        assigned.ShouldBe(new ReviewerAssigned(AppId, "rita", "Rita Rezensentin", "sabine", Now));

        var application = FundingApplication.Evolve(Case(), assigned);
        application.Status.ShouldBe(ApplicationStatus.Submitted);
        application.Reviewers.ShouldBe([new Reviewer("rita", "Rita Rezensentin", Now)]);
        Given.Refusal(() => ReviewDecider.Assign(application, Criteria, "RITA", "Rita", Caseworker)).Code.ShouldBe("review.already-assigned");
    }

    [Fact]
    public void Without_review_criteria_there_are_no_reviews_and_the_alliance_votes_as_before() =>
        Given.Refusal(() => ReviewDecider.Assign(Case(), [], "rita", "Rita", Caseworker)).Code.ShouldBe("review.no-criteria");

    [Fact]
    public void Reviews_are_open_from_submission_until_the_alliance_votes()
    {
        var drafted = Given.History<FundingApplication>(Drafted(Alliance(true, Chamber, HausSteinstrasse), Programme()));
        Given.Refusal(() => ReviewDecider.Assign(drafted, Criteria, "rita", "Rita", Caseworker)).Code.ShouldBe("review.not-open");

        ReviewDecider.Assign(Case(Completed), Criteria, "rita", "Rita", Caseworker).Reviewer.ShouldBe("rita");
        var voted = Case(Assigned("rita"), Completed, Voted(Alliance(true, Chamber, HausSteinstrasse)));
        Given.Refusal(() => ReviewDecider.Assign(voted, Criteria, "robert", "Robert", Caseworker)).Code.ShouldBe("review.not-open");
        Given.Refusal(() => ReviewDecider.Review(voted, Criteria, Scores(5, 5, 5), "", true, ByRita)).Code.ShouldBe("review.not-open");
    }

    [Fact]
    public void Whoever_acted_for_the_applicant_neither_reviews_nor_assigns_reviewers()
    {
        Given.Refusal(() => ReviewDecider.Assign(Case(), Criteria, "anna", "Anna Antrag", Caseworker)).Code.ShouldBe("review.applicant-side");
        Given.Refusal(() => ReviewDecider.Assign(Case(), Criteria, "rita", "Rita", Applicant)).Code.ShouldBe(SeparationOfDuties.Code);
    }

    [Fact]
    public void Only_an_assigned_reviewer_scores_and_a_new_review_replaces_their_earlier_one()
    {
        var application = Case(Assigned("rita"));
        Given.Refusal(() => ReviewDecider.Review(application, Criteria, Scores(5, 5, 5), "", true, ByRobert)).Code.ShouldBe("review.not-assigned");

        var first = ReviewDecider.Review(application, Criteria, Scores(8, 6, 4), " Guter Bedarf ", true, new Stamp("RITA", Now));
        first.Reviewer.ShouldBe("rita");
        first.Scores.ShouldBe([new("Bedarf in der Region", 40, 8), new("Wirkung", 30, 6), new("Kosten", 30, 4)]);
        first.Comment.ShouldBe("Guter Bedarf");
        first.DeclaredNoConflictOfInterest.ShouldBeTrue();
        var revised = ReviewDecider.Review(FundingApplication.Evolve(application, first), Criteria, Scores(9, 6, 4), "Nachgeschärft", true, ByRita);

        var reviewer = FundingApplication.Evolve(FundingApplication.Evolve(application, first), revised).Reviewers.Single();
        reviewer.Scores!.First().Score.ShouldBe(9);
        reviewer.Comment.ShouldBe("Nachgeschärft");
    }

    [Fact]
    public void Every_criterion_is_scored_within_0_to_10_and_nothing_else_is()
    {
        var application = Case(Assigned("rita"));

        Given.Refusal(() => ReviewDecider.Review(application, Criteria, Scores(11, 5, 5), "", true, ByRita)).Code.ShouldBe("review.score-out-of-range");
        Given.Refusal(() => ReviewDecider.Review(application, Criteria, Scores(5, -1, 5), "", true, ByRita)).Code.ShouldBe("review.score-out-of-range");
        var missing = Given.Refusal(() => ReviewDecider.Review(application, Criteria, new Dictionary<string, int> { ["Wirkung"] = 5 }, "", true, ByRita));
        missing.Code.ShouldBe("review.criterion-unscored");
        missing.Message.ShouldContain("Bedarf in der Region, Kosten");
        Given.Refusal(() => ReviewDecider.Review(application, Criteria, new Dictionary<string, int>(Scores(5, 5, 5)) { ["Schönheit"] = 5 }, "", true, ByRita))
            .Code.ShouldBe("review.unknown-criterion");
        ReviewDecider.Review(application, Criteria, Scores(0, 10, 0), "", true, ByRita).Scores.Select(s => s.Score).ShouldBe([0, 10, 0]);
    }

    [Fact]
    public void A_reviewer_declares_no_conflict_with_the_review_or_declares_the_conflict_and_then_does_not_score()
    {
        var application = Case(Assigned("rita"));
        Given.Refusal(() => ReviewDecider.Review(application, Criteria, Scores(5, 5, 5), "", false, ByRita)).Code.ShouldBe("review.conflict-undeclared");
        Given.Refusal(() => ReviewDecider.DeclareConflict(application, Criteria, "Mein Bruder", ByRobert)).Code.ShouldBe("review.not-assigned");

        var conflict = ReviewDecider.DeclareConflict(application, Criteria, " Mein Bruder leitet den Träger ", ByRita);
        conflict.ShouldBe(new ReviewerConflictDeclared(AppId, "rita", "Mein Bruder leitet den Träger", "rita", Now));
        var conflicted = FundingApplication.Evolve(application, conflict);

        Given.Refusal(() => ReviewDecider.Review(conflicted, Criteria, Scores(5, 5, 5), "", true, ByRita)).Code.ShouldBe("review.conflicted");
        Given.Refusal(() => ReviewDecider.DeclareConflict(conflicted, Criteria, "nochmal", ByRita)).Code.ShouldBe("review.conflict-declared");
    }

    [Fact]
    public void A_conflict_declared_after_scoring_takes_the_review_out_of_the_summary()
    {
        var application = Case(Assigned("rita"), Assigned("robert"), Reviewed("rita", 10, 10, 10), Reviewed("robert", 4, 4, 4));
        ReviewSummary.Of(application.Reviewers).Average.ShouldBe(7m);

        var withdrawn = FundingApplication.Evolve(application, ReviewDecider.DeclareConflict(application, Criteria, "Erst jetzt bemerkt", ByRita));

        var summary = ReviewSummary.Of(withdrawn.Reviewers);
        (summary.Counted, summary.Average, summary.Lowest, summary.Highest, summary.StandardDeviation).ShouldBe((1, 4m, 4m, 4m, 0m));
    }

    [Fact]
    public void The_summary_gives_each_weighted_average_their_mean_and_their_spread()
    {
        // Rita: 0.4*8 + 0.3*6 + 0.3*4 = 6.2; Robert: 0.4*5 + 0.3*5 + 0.3*5 = 5; Ruth: 0.4*10 + 0.3*9 + 0.3*7 = 8.8.
        var application = Case(Assigned("rita"), Assigned("robert"), Assigned("ruth"), Assigned("rolf"),
            Reviewed("rita", 8, 6, 4), Reviewed("robert", 5, 5, 5), Reviewed("ruth", 10, 9, 7));

        ReviewSummary.WeightedAverage(application.Reviewer("rita")!.Scores!).ShouldBe(6.2m);
        var summary = ReviewSummary.Of(application.Reviewers);

        summary.Counted.ShouldBe(3);
        summary.Average.ShouldBe(6.67m);
        summary.Lowest.ShouldBe(5m);
        summary.Highest.ShouldBe(8.8m);
        // Deviations from the mean 6.6667: -0.4667, -1.6667, 2.1333; their squares' mean is 2.5156, its root 1.586.
        summary.StandardDeviation.ShouldBe(1.59m);
        summary.ByCriterion.ShouldBe([new("Bedarf in der Region", 7.67m), new("Wirkung", 6.67m), new("Kosten", 5.33m)]);
    }

    [Fact]
    public void Without_counting_reviews_the_summary_is_empty() =>
        ReviewSummary.Of(Case(Assigned("rita")).Reviewers).ShouldBe(ReviewSummary.None);

    [Fact]
    public void Assigning_and_reviewing_are_acts_for_the_authority_side_of_the_case()
    {
        var reviewed = Case(Assigned("rita"), Reviewed("rita", 5, 5, 5));
        reviewed.AuthoritySide.ShouldContain("rita");
        reviewed.AuthoritySide.ShouldContain("sabine");
    }
}
