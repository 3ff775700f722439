using Fachwerk.Domain.Common;
using Fachwerk.Domain.Programmes;
using static Fachwerk.IntegrationTests.Domain.ApplicationWorld;

namespace Fachwerk.IntegrationTests.Domain;

public class ProgrammeRulesTests
{
    private static readonly Period Esf = new(new DateOnly(2021, 1, 1), new DateOnly(2027, 12, 31));

    [Fact]
    public void The_funding_sources_add_up_to_the_whole_budget()
    {
        ProgrammeDecider.Launch(Guid.NewGuid(), new ProgrammeSetup("RAK", [new FundingSource("Landkreis", 0.2m), new FundingSource("Land", 0.8m)], Esf, 20_000_000m, Rules), Caseworker)
            .Sources.Count.ShouldBe(2);
        Given.Refusal(() => ProgrammeDecider.Launch(Guid.NewGuid(), new ProgrammeSetup("RAK", [new FundingSource("Landkreis", 0.2m)], Esf, 20_000_000m, Rules), Caseworker))
            .Code.ShouldBe("programme.source-shares");
    }

    [Fact]
    public void Top_ups_add_and_cuts_never_go_below_what_is_committed()
    {
        var programme = FundingProgramme.Evolve(Programme(budget: 100_000m),
            new FundsCommitted(Guid.Empty, Guid.NewGuid(), Guid.NewGuid(), 70_000m, 10_000m, null, "system", Now));

        FundingProgramme.Evolve(programme, ProgrammeDecider.TopUp(programme, 50_000m, "Supplementary budget", Caseworker)).Available.ShouldBe(80_000m);
        ProgrammeDecider.Cut(programme, 30_000m, "Savings", Caseworker).Amount.ShouldBe(30_000m);
        var refusal = Given.Refusal(() => ProgrammeDecider.Cut(programme, 30_000.01m, "Savings", Caseworker));
        refusal.Code.ShouldBe("programme.cut-below-commitments");
        refusal.Message.ShouldContain("at most 30,000.00 EUR can be cut");
    }
}
