using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Experts;
using Fachwerk.Domain.Programmes;
using static Fachwerk.IntegrationTests.Domain.ApplicationWorld;

namespace Fachwerk.IntegrationTests.Domain;

/// <summary>The directory of external experts (ExpertDecider, ADR 0130): entered once, changed, withdrawn, and only active entries assigned.</summary>
public class ExpertDirectoryRulesTests
{
    private static readonly Stamp Admin = new("admin", Now);
    private static readonly ExpertProfile Erika = new("Prof. Dr. Erika Expertin", "Hochschule Hannover", ["Arbeitsmarktpolitik", "Evaluation"], "erika@hs.example");
    private static readonly IReadOnlyList<ReviewCriterion> Criteria = [new("Wirkung", 60), new("Kosten", 40)];

    private static Expert Registered(params object[] later) =>
        Given.History<Expert>([ExpertDecider.Register(null, "erika.expertin", Erika, Admin), .. later]);

    private static FundingApplication Case() =>
        Given.History<FundingApplication>(Drafted(Alliance(true, Chamber, HausSteinstrasse), Programme()), Submitted());

    [Fact]
    public void An_expert_is_entered_with_a_tidy_profile_under_an_id_derived_from_the_user_id()
    {
        var registered = ExpertDecider.Register(null, "erika.expertin",
            new ExpertProfile(" Erika Expertin ", "  ", [" Evaluation ", "evaluation", "", "Arbeitsmarktpolitik"], " "), Admin);

        registered.ShouldBe(new ExpertRegistered(Expert.IdOf("erika.expertin"), "erika.expertin", "Erika Expertin", null,
            ["Evaluation", "Arbeitsmarktpolitik"], null, "admin", Now), new ExpertRegisteredComparer());
        var expert = Given.History<Expert>(registered);
        (expert.Id, expert.UserId, expert.Withdrawn, expert.Profile.Fields.Count).ShouldBe((Expert.IdOf("erika.expertin"), "erika.expertin", false, 2));
    }

    [Fact]
    public void A_user_is_entered_once_even_after_withdrawal()
    {
        Given.Refusal(() => ExpertDecider.Register(Registered(), "erika.expertin", Erika, Admin)).Code.ShouldBe("expert.already-registered");
        var withdrawn = Registered(ExpertDecider.Withdraw(Registered(), "Vertrag ausgelaufen", Admin));
        Given.Refusal(() => ExpertDecider.Register(withdrawn, "erika.expertin", Erika, Admin)).Code.ShouldBe("expert.already-registered");
    }

    [Fact]
    public void An_entry_needs_a_name_and_a_field_of_expertise()
    {
        Should.Throw<InvalidFields>(() => ExpertDecider.Register(null, "x", Erika with { DisplayName = " " }, Admin)).Errors.Single().Code
            .ShouldBe("expert.name-missing");
        Should.Throw<InvalidFields>(() => ExpertDecider.Register(null, "x", Erika with { Fields = [" "] }, Admin)).Errors.Single().Code
            .ShouldBe("expert.no-fields");
    }

    [Fact]
    public void An_entry_changes_as_a_whole_but_not_to_what_it_says_already_nor_once_withdrawn()
    {
        var changed = ExpertDecider.Change(Registered(), Erika with { Fields = ["Fachkräftesicherung"], Email = null }, Admin);
        Registered(changed).Profile.ShouldBe(Erika with { Fields = ["Fachkräftesicherung"], Email = null }, new ProfileComparer());

        Given.Refusal(() => ExpertDecider.Change(Registered(), Erika with { DisplayName = " Prof. Dr. Erika Expertin " }, Admin))
            .Code.ShouldBe("expert.unchanged");
        var withdrawn = Registered(ExpertDecider.Withdraw(Registered(), "Vertrag ausgelaufen", Admin));
        withdrawn.Withdrawn.ShouldBeTrue();
        Given.Refusal(() => ExpertDecider.Change(withdrawn, Erika with { Affiliation = "Universität Göttingen" }, Admin)).Code.ShouldBe("expert.withdrawn");
        Given.Refusal(() => ExpertDecider.Withdraw(withdrawn, "nochmals", Admin)).Code.ShouldBe("expert.withdrawn");
    }

    [Fact]
    public void Only_an_active_entry_of_the_directory_is_assigned_as_an_expert_under_the_directorys_name()
    {
        var assigned = ReviewDecider.Assign(Case(), Criteria, "erika.expertin", "Tippfehler", Caseworker, true, true, Registered());
        (assigned.Reviewer, assigned.ReviewerName, assigned.External).ShouldBe(("erika.expertin", "Prof. Dr. Erika Expertin", true));

        Given.Refusal(() => ReviewDecider.Assign(Case(), Criteria, "ernst.extern", "Ernst", Caseworker, true, true, null))
            .Code.ShouldBe("review.expert-not-in-directory");
        var withdrawn = Registered(ExpertDecider.Withdraw(Registered(), "Vertrag ausgelaufen", Admin));
        Given.Refusal(() => ReviewDecider.Assign(Case(), Criteria, "erika.expertin", "Erika", Caseworker, true, true, withdrawn))
            .Code.ShouldBe("review.expert-not-in-directory");

        // The programme's rule comes first; alliance reviewers need no entry.
        Given.Refusal(() => ReviewDecider.Assign(Case(), Criteria, "ernst.extern", "Ernst", Caseworker, true, false, null))
            .Code.ShouldBe("review.external-not-allowed");
        ReviewDecider.Assign(Case(), Criteria, "rita", "Rita", Caseworker).ReviewerName.ShouldBe("Rita");
    }

    private sealed class ExpertRegisteredComparer : IEqualityComparer<ExpertRegistered>
    {
        public bool Equals(ExpertRegistered? x, ExpertRegistered? y) =>
            x is not null && y is not null && x with { Fields = [] } == y with { Fields = [] } && x.Fields.SequenceEqual(y.Fields);

        public int GetHashCode(ExpertRegistered obj) => obj.ExpertId.GetHashCode();
    }

    private sealed class ProfileComparer : IEqualityComparer<ExpertProfile>
    {
        public bool Equals(ExpertProfile? x, ExpertProfile? y) => x is not null && y is not null && x.SameAs(y);

        public int GetHashCode(ExpertProfile obj) => obj.DisplayName.GetHashCode(StringComparison.Ordinal);
    }
}
