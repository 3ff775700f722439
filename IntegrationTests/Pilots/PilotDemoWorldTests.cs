using Fachwerk.Domain.Common;
using Fachwerk.Application.Common;
using Fachwerk.Application.Pilots;
using Fachwerk.Domain.Pilots;
using Fachwerk.Host.Development;
using Fachwerk.Host.Development.DemoWorld;
using Fachwerk.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fachwerk.IntegrationTests.Pilots;

public class PilotDemoWorldTests(AppFixture fixture) : PilotApi(fixture)
{
    [Fact]
    public async Task The_demo_world_holds_the_Magdeburg_relocation_pilot_with_its_partners_and_a_year_of_stable_demand()
    {
        var seeder = DemoWorld();
        await seeder.SeedAsync(TestContext.Current.CancellationToken);
        var data = DemoWorldPilotData.Relocation;

        var summary = (await Get<Page<PilotSummary>>(DemoUsers.Auditor, "/api/pilots?name=Relocation")).Items.ShouldHaveSingleItem();
        var pilot = await Details(summary.Id);
        pilot.Sponsor.ShouldContain("Dezernat für Wirtschaft");
        pilot.Status.ShouldBe(PilotStatus.EvaluationDue);
        pilot.FundingSources.Select(f => f.Kind).ShouldBe([FundingSourceKind.EuropeanSocialFund, FundingSourceKind.StateGovernment]);
        pilot.Partners.Count.ShouldBe(8);
        pilot.Partners.Where(p => p.Abroad).Select(p => p.Name).ShouldContain("Daugavpils Universitāte");
        pilot.Partners.Where(p => !p.Abroad).Select(p => p.Name).ShouldContain("Kreishandwerkerschaft Magdeburg");
        pilot.Companies.Count.ShouldBe(data.Companies.Count);
        pilot.Participants.Enrolled.ShouldBe(data.Participants.Count);
        pilot.Participants.Interns.ShouldBe(data.Participants.Count(p => p.Kind == ParticipantKind.Intern));
        pilot.ServicesDelivered.ShouldBe(data.Participants.Sum(p => p.Services.Count));
        // Spending against both sources (ADR 0124): the ESF by its rules (period, categories), each within its amount.
        pilot.Spending.Count.ShouldBe(data.Spending!.Count);
        pilot.Funding.ShouldAllBe(f => f.Spent > 0 && f.Remaining == f.Budget - f.Spent && f.Remaining >= 0);
        pilot.Funding.Sum(f => f.Spent).ShouldBe(data.Spending.Sum(s => s.Amount));
        pilot.Funding[0].EuFundingPeriod.ShouldNotBeNull();
        pilot.Funding[0].CostCategories.ShouldNotBeEmpty();

        var participants = await Get<Page<ParticipantView>>(Lead, $"/api/pilots/{summary.Id}/participants?pageSize=200");
        participants.Items.Select(p => p.DisplayName).ShouldContain("Jānis Bērziņš");
        participants.Items.ShouldAllBe(p => p.PersonalDataStatus == PersonalDataStatus.Present);

        var demand = await Demand(summary.Id);
        demand.Months.Count.ShouldBe(12);
        demand.Indicator.Verdict.ShouldBe(DemandVerdict.Stable, string.Join(" ", demand.Indicator.Findings));

        var events = await EventCount();
        (await seeder.SeedAsync(TestContext.Current.CancellationToken)).ShouldBe(0);
        (await EventCount()).ShouldBe(events);
    }
}
