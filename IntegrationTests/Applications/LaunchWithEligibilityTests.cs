using Fachwerk.Application.Common;
using Fachwerk.Application.Programmes;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Programmes;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Applications;

/// <summary>A programme launched with its funding authority and eligible alliances at once, under the same rules as when they are set later.</summary>
public class LaunchWithEligibilityTests(AppFixture fixture) : ApplicationApi(fixture)
{
    private static readonly FundingAuthority Ministry =
        new("Ministerium für Arbeit, Soziales, Gesundheit und Gleichstellung", AuthorityLevel.State, FederalState.SachsenAnhalt);

    private static LaunchProgramme Launch(FundingAuthority? authority, AllianceEligibility? eligibility) =>
        new("Fachkräfte Sachsen-Anhalt", [new FundingSource("ESF+", 1m)], Esf, 1_000_000m, Rules(), "Richtlinie vom 1. März", authority, eligibility);

    [Fact]
    public async Task A_programme_launched_with_its_authority_and_eligibility_records_both_and_answers_its_version()
    {
        var created = await Post<StreamCreated>(Caseworker, "/api/programmes",
            Launch(Ministry, new AllianceEligibility(EligibleAlliances.RecognizedInState, FederalState.SachsenAnhalt)), 201);

        created.Version.ShouldBe(2);
        var details = await Get<ProgrammeDetails>(Caseworker, $"/api/programmes/{created.Id}");
        details.Version.ShouldBe(2);
        details.Authority.ShouldBe(Ministry);
        details.Eligibility.Kind.ShouldBe(EligibleAlliances.RecognizedInState);
        (await Post<StreamCreated>(Caseworker, "/api/programmes", Launch(null, null), 201)).Version.ShouldBe(1, "without them, as before");
    }

    [Fact]
    public async Task A_launch_whose_eligibility_breaks_a_rule_is_refused_and_appends_nothing()
    {
        var before = await EventCount();

        (await ProblemOf(await Post(Caseworker, "/api/programmes",
                Launch(Ministry, new AllianceEligibility(EligibleAlliances.RecognizedInState, FederalState.Niedersachsen)), 409)))
            .Type.ShouldBe("urn:fachwerk:problem:programme.eligibility-other-state");
        (await ProblemOf(await Post(Caseworker, "/api/programmes",
                Launch(Ministry, new AllianceEligibility(EligibleAlliances.Listed, Alliances: [Guid.CreateVersion7()])), 409)))
            .Type.ShouldBe("urn:fachwerk:problem:programme.unknown-alliance");
        (await ValidationProblemOf(await Post(Caseworker, "/api/programmes", Launch(null, AllianceEligibility.AnyAlliance), 400)))
            .Errors.Keys.ShouldBe(["authority"]);
        (await EventCount()).ShouldBe(before);
    }
}
