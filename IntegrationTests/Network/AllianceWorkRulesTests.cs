using System.Collections.Immutable;
using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network;
using Fachwerk.Domain.Network.Ideas;
using Fachwerk.Domain.Network.Recommendations;
using Fachwerk.Domain.Organisations;
using Fachwerk.IntegrationTests.Domain;

namespace Fachwerk.IntegrationTests.Network;

/// <summary>An alliance's project ideas and recommendations to municipalities, as pure functions.</summary>
public class AllianceWorkRulesTests
{
    private static readonly Alliance LeineWeser = new(Guid.NewGuid(), "Fachkräftebündnis Leine-Weser", FederalState.Niedersachsen, ["Hildesheim"],
        new DateOnly(2015, 6, 1), AllianceStatus.Recognized, null, ImmutableDictionary<Guid, Membership>.Empty, []);

    private static readonly NetworkParty Hildesheim = new(Guid.NewGuid(), "Landkreis Hildesheim", PartyKind.Organisation, OrganisationKind.Municipality);
    private static readonly NetworkParty Chamber = new(Guid.NewGuid(), "HWK Hildesheim", PartyKind.Organisation, OrganisationKind.ChamberOfCrafts);

    private static ProjectIdea Recorded() => Given.History<ProjectIdea>(IdeaDecider.Record(Guid.NewGuid(), LeineWeser,
        new IdeaSketch("Studienabbrecher ins Handwerk", "Beratung", [" Handwerkskammer ", "handwerkskammer"], [TargetGroup.UniversityDropouts],
            new DateOnly(2025, 9, 1)), Given.Stamp));

    private static FundingApplication Application(Guid alliance) =>
        new(Guid.NewGuid(), ApplicationStatus.Submitted, Guid.NewGuid(), Guid.NewGuid(), alliance, "Hildesheim",
            new ProjectPlan("Studienabbrecher ins Handwerk", "d", new Period(new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31)), 1000m, 800m, 200m, 0m, [], 10),
            null, null, 0, null, null, 0, null, null, false);

    [Fact]
    public void An_idea_is_open_until_a_partner_commits_and_is_realised_by_an_application_of_its_alliance()
    {
        var idea = Recorded();
        idea.Status.ShouldBe(IdeaStatus.Open);

        var preparing = ProjectIdea.Evolve(idea, IdeaDecider.CommitPartner(idea, Chamber, new DateOnly(2025, 10, 1), Given.Stamp));
        preparing.Status.ShouldBe(IdeaStatus.InPreparation);
        Given.Refusal(() => IdeaDecider.CommitPartner(preparing, Chamber, new DateOnly(2025, 10, 2), Given.Stamp)).Code.ShouldBe("idea.partner-already-committed");
        Given.Refusal(() => IdeaDecider.Realise(preparing, Application(Guid.NewGuid()), new DateOnly(2026, 2, 1), Given.Stamp)).Code.ShouldBe("idea.other-alliance");

        var realised = ProjectIdea.Evolve(preparing, IdeaDecider.Realise(preparing, Application(LeineWeser.Id), new DateOnly(2026, 2, 1), Given.Stamp));
        realised.Status.ShouldBe(IdeaStatus.Realised);
        Given.Refusal(() => IdeaDecider.Drop(realised, new DateOnly(2026, 2, 2), "why", Given.Stamp)).Code.ShouldBe("idea.closed");
        Given.Refusal(() => IdeaDecider.Record(Guid.NewGuid(), LeineWeser with { Status = AllianceStatus.Dissolved },
            new IdeaSketch("t", "i", [], [], new DateOnly(2025, 9, 1)), Given.Stamp)).Code.ShouldBe("idea.alliance-dissolved");
    }

    [Fact]
    public void An_ideas_partners_sought_are_listed_once()
    {
        IdeaDecider.Record(Guid.NewGuid(), LeineWeser, new IdeaSketch("t", "i", [" Handwerkskammer ", "handwerkskammer", " "], [], new DateOnly(2025, 9, 1)),
            Given.Stamp).PartnersSought.ShouldBe(["Handwerkskammer"]);
    }

    [Fact]
    public void Recommendations_go_to_municipalities_and_their_follow_ups_come_in_order_until_settled()
    {
        Given.Refusal(() => RecommendationDecider.Issue(Guid.NewGuid(), LeineWeser, Chamber, "s", "t", new DateOnly(2025, 11, 20), Given.Stamp))
            .Code.ShouldBe("recommendation.not-a-municipality");
        var recommendation = Given.History<Recommendation>(
            RecommendationDecider.Issue(Guid.NewGuid(), LeineWeser, Hildesheim, "Kita-Zeiten", "Länger öffnen", new DateOnly(2025, 11, 20), Given.Stamp));

        Given.Refusal(() => RecommendationDecider.FollowUp(recommendation, new DateOnly(2025, 11, 19), FollowUpStatus.Acknowledged, "n", Given.Stamp))
            .Code.ShouldBe("recommendation.follow-up-out-of-order");
        var progress = Recommendation.Evolve(recommendation,
            RecommendationDecider.FollowUp(recommendation, new DateOnly(2026, 1, 10), FollowUpStatus.InProgress, "Pilot", Given.Stamp));
        var implemented = Recommendation.Evolve(progress,
            RecommendationDecider.FollowUp(progress, new DateOnly(2026, 2, 10), FollowUpStatus.Implemented, "Open until 22:00", Given.Stamp));

        implemented.IsSettled.ShouldBeTrue();
        Given.Refusal(() => RecommendationDecider.FollowUp(implemented, new DateOnly(2026, 2, 11), FollowUpStatus.InProgress, "n", Given.Stamp))
            .Code.ShouldBe("recommendation.settled");
    }
}
