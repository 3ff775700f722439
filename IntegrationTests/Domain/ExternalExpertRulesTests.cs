using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Experts;
using Fachwerk.Domain.Programmes;
using static Fachwerk.IntegrationTests.Domain.ApplicationWorld;

namespace Fachwerk.IntegrationTests.Domain;

/// <summary>External experts review where the programme allows them, under the rules of every reviewer (ReviewDecider, ADR 0093).</summary>
public class ExternalExpertRulesTests
{
    private static readonly IReadOnlyList<ReviewCriterion> Criteria = [new("Wirkung", 60), new("Kosten", 40)];
    private static readonly Stamp ByErika = new("erika", Now);

    private static FundingApplication Case(params object[] events) =>
        Given.History<FundingApplication>([Drafted(Alliance(true, Chamber, HausSteinstrasse), Programme()), Submitted(), .. events]);

    /// <summary>The user's entry in the directory of external experts (ADR 0130).</summary>
    internal static Expert Listed(string userId) =>
        Given.History<Expert>(new ExpertRegistered(Expert.IdOf(userId), userId, "Erika Expertin", "Hochschule Hannover", ["Evaluation"], null, "admin", Now));

    private static ReviewerAssigned ExpertAssigned(string reviewer) => new(AppId, reviewer, "Erika Expertin", "sabine", Now, External: true);

    [Fact]
    public void The_review_criteria_say_whether_external_experts_are_allowed_and_without_criteria_they_are_not()
    {
        var set = ProgrammeDecider.SetReviewCriteria(Programme(), Criteria, Caseworker, allowsExternalExperts: true)
            .Single().ShouldBeOfType<ReviewCriteriaSet>();
        set.AllowsExternalExperts.ShouldBeTrue();
        var programme = FundingProgramme.Evolve(Programme(), set);
        programme.AllowsExternalExperts.ShouldBeTrue();

        // The same criteria with the flag unchanged record nothing; withdrawing the flag alone is a change.
        ProgrammeDecider.SetReviewCriteria(programme, Criteria, Caseworker, allowsExternalExperts: true).ShouldBeEmpty();
        ProgrammeDecider.SetReviewCriteria(programme, Criteria, Caseworker).Single().ShouldBeOfType<ReviewCriteriaSet>()
            .AllowsExternalExperts.ShouldBeFalse();
        ProgrammeDecider.SetReviewCriteria(programme, [], Caseworker, allowsExternalExperts: true).Single().ShouldBeOfType<ReviewCriteriaSet>()
            .AllowsExternalExperts.ShouldBeFalse("without criteria there is no review for an expert to give");
    }

    [Fact]
    public void An_expert_is_assigned_as_external_where_the_programme_allows_experts()
    {
        var assigned = ReviewDecider.Assign(Case(), Criteria, " erika ", "", Caseworker, external: true, allowsExternalExperts: true,
            directoryEntry: Listed("erika"));

        assigned.ShouldBe(new ReviewerAssigned(AppId, "erika", "Erika Expertin", "sabine", Now, External: true));
        Case(assigned).Reviewer("erika").ShouldNotBeNull().External.ShouldBeTrue();
    }

    [Fact]
    public void An_expert_is_refused_where_the_programme_does_not_allow_experts()
    {
        Given.Refusal(() => ReviewDecider.Assign(Case(), Criteria, "erika", "Erika Expertin", Caseworker, external: true, allowsExternalExperts: false))
            .Code.ShouldBe("review.external-not-allowed");
    }

    [Fact]
    public void An_alliance_reviewer_is_assigned_as_before_whether_or_not_experts_are_allowed()
    {
        ReviewDecider.Assign(Case(), Criteria, "rita", "Rita", Caseworker, allowsExternalExperts: true).External.ShouldBeFalse();
        ReviewDecider.Assign(Case(), Criteria, "rita", "Rita", Caseworker).External.ShouldBeFalse();
    }

    [Fact]
    public void An_expert_scores_declares_and_is_refused_under_the_same_rules_as_every_reviewer()
    {
        var scores = new Dictionary<string, int> { ["Wirkung"] = 8, ["Kosten"] = 5 };
        var reviewed = ReviewDecider.Review(Case(ExpertAssigned("erika")), Criteria, scores, "Gut begründet", true, ByErika);
        reviewed.Scores.Select(s => s.Score).ShouldBe([8, 5]);
        ReviewSummary.WeightedAverage(reviewed.Scores).ShouldBe(6.8m);

        Given.Refusal(() => ReviewDecider.Review(Case(ExpertAssigned("erika")), Criteria, scores, "", false, ByErika))
            .Code.ShouldBe("review.conflict-undeclared");
        Given.Refusal(() => ReviewDecider.Assign(Case(ExpertAssigned("erika")), Criteria, "erika", "Erika", Caseworker, true, true, Listed("erika")))
            .Code.ShouldBe("review.already-assigned");
        var conflict = ReviewDecider.DeclareConflict(Case(ExpertAssigned("erika")), Criteria, "Ich berate den Träger.", ByErika);
        Given.Refusal(() => ReviewDecider.Review(Case(ExpertAssigned("erika"), conflict), Criteria, scores, "", true, ByErika))
            .Code.ShouldBe("review.conflicted");
        Given.Refusal(() => ReviewDecider.Review(Case(ExpertAssigned("someone")), Criteria, scores, "", true, ByErika))
            .Code.ShouldBe("review.not-assigned");
    }

    [Fact]
    public void Assignments_recorded_before_there_were_experts_read_as_the_alliances_reviewers()
    {
        var old = System.Text.Json.JsonSerializer.Deserialize<ReviewerAssigned>(
            """{"ApplicationId":"00000000-0000-0000-0000-000000000001","Reviewer":"rita","ReviewerName":"Rita","RecordedBy":"sabine","RecordedAt":"2026-01-01T00:00:00Z"}""")!;
        old.External.ShouldBeFalse();
        var criteria = System.Text.Json.JsonSerializer.Deserialize<ReviewCriteriaSet>(
            """{"ProgrammeId":"00000000-0000-0000-0000-000000000001","Criteria":[],"RecordedBy":"sabine","RecordedAt":"2026-01-01T00:00:00Z"}""")!;
        criteria.AllowsExternalExperts.ShouldBeFalse();
    }
}
