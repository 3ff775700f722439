using Fachwerk.Application.Alliances;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Alliances;
using Fachwerk.Host.Authentication;
using Fachwerk.Host.DemoWorld;
using Fachwerk.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fachwerk.IntegrationTests.Platform;

public class DemoWorldTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task The_demo_world_loads_the_alliances_of_the_articles_and_a_second_run_changes_nothing()
    {
        var seeder = new DemoWorldSeeder(Host.Server.CreateClient(), NullLogger.Instance);

        var commands = await seeder.SeedAsync(TestContext.Current.CancellationToken);
        var events = await EventCount();

        commands.ShouldBeGreaterThan(0);
        // One event per command, and one more: the demo pilot's phase has ended, so its launch also makes the evaluation due.
        events.ShouldBe(commands + 1);
        var alliances = await Get<Page<AllianceSummary>>(DemoUsers.Auditor, "/api/alliances");
        alliances.Items.Select(a => a.Name).ShouldBe(DemoWorldData.Alliances.Select(a => a.Name), ignoreOrder: true);
        var leineWeser = await Get<AllianceDetails>(DemoUsers.Auditor,
            $"/api/alliances/{alliances.Items.Single(a => a.Name.Contains("Leine-Weser", StringComparison.Ordinal)).Id}");
        leineWeser.Districts.ShouldBe(["Nienburg", "Schaumburg", "Hameln-Pyrmont", "Holzminden", "Hildesheim", "Region Hannover"]);
        leineWeser.Status.ShouldBe(AllianceStatus.Recognized);
        leineWeser.CoordinatingOffice.ShouldStartWith("Amt für regionale Landesentwicklung Leine-Weser");

        (await seeder.SeedAsync(TestContext.Current.CancellationToken)).ShouldBe(0);
        (await EventCount()).ShouldBe(events);
    }
}
