using Fachwerk.Application.Alliances;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Application.Organisations;
using Fachwerk.Application.Programmes;
using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Applications;
using Fachwerk.Host.Development;
using Fachwerk.Host.Development.DemoWorld;
using Fachwerk.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Wolverine.Tracking;

namespace Fachwerk.IntegrationTests.Platform;

public class DemoWorldTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task The_demo_world_loads_the_articles_world_through_the_api_and_a_second_run_changes_nothing()
    {
        var seeder = DemoWorld();

        var commands = 0;
        await Host.ExecuteAndWaitAsync(async () => commands = await seeder.SeedAsync(TestContext.Current.CancellationToken), 120_000);
        var events = await EventCount();

        commands.ShouldBeGreaterThan(0);
        events.ShouldBeGreaterThanOrEqualTo(commands);
        var alliances = await Get<Page<AllianceSummary>>(DemoUsers.Auditor, "/api/alliances");
        alliances.Items.Select(a => a.Name).ShouldBe(DemoWorldData.Alliances.Select(a => a.Name), ignoreOrder: true);
        var leineWeser = await Get<AllianceDetails>(DemoUsers.Auditor,
            $"/api/alliances/{alliances.Items.Single(a => a.Name.Contains("Leine-Weser", StringComparison.Ordinal)).Id}");
        leineWeser.Districts.ShouldBe(["Nienburg", "Schaumburg", "Hameln-Pyrmont", "Holzminden", "Hildesheim", "Region Hannover"]);
        leineWeser.Status.ShouldBe(AllianceStatus.Recognized);
        leineWeser.FormerRecognitions.ShouldHaveSingleItem().FundingPeriod.To.ShouldBe(new DateOnly(2020, 12, 31));
        leineWeser.CoordinatingOffice.ShouldStartWith("Amt für regionale Landesentwicklung Leine-Weser");

        (await Get<Page<ProgrammeDetails>>(DemoUsers.Auditor, "/api/programmes")).Items.Select(p => p.TotalBudget)
            .ShouldBe([26_000_000m, 20_000_000m, 1_500_000m, 5_000_000m], ignoreOrder: true);
        var applications = (await Get<Page<ApplicationSummary>>(DemoUsers.Auditor, "/api/applications?pageSize=100")).Items;
        applications.Count.ShouldBe(DemoFundingData.Applications.Count + DemoFundingData.PersonApplications.Count);
        // The medical student applied herself: approved, under her neutral applicant record, her name readable by the caseworker.
        var stipend = applications.Single(a => a.Title.StartsWith("Stipendium Medizinstudium", StringComparison.Ordinal));
        (stipend.Status, stipend.Applicant, stipend.ApprovedAmount).ShouldBe((ApplicationStatus.Approved, ApplicantPersonDecider.RecordName, (decimal?)7_200m));
        (await Get<ApplicantPersonView>(DemoUsers.Caseworker, $"/api/applications/{stipend.Id}/applicant-person")).DisplayName.ShouldBe("Mia Medizin");
        var expeditionJob = applications.Single(a => a.Title == "Expedition Job");
        expeditionJob.Applicant.ShouldBe("Haus Steinstraße e.V.");
        expeditionJob.Status.ShouldBe(ApplicationStatus.Approved);
        expeditionJob.ApprovedAmount.ShouldBe(50_000m, "an amended grant: approved for 48,000 EUR, raised by a change notice");
        (await Get<ApplicationDetails>(DemoUsers.Auditor, $"/api/applications/{expeditionJob.Id}")).DecisionVersions.Select(v => v.Amount)
            .ShouldBe([48_000m, 50_000m]);
        applications.Select(a => a.Status).Distinct().Count().ShouldBeGreaterThanOrEqualTo(10, "the demo shows the workflow's stages");
        applications.ShouldContain(a => a.Status == ApplicationStatus.Closed);
        applications.ShouldContain(a => a.Status == ApplicationStatus.ReclaimDemanded);
        applications.Single(a => a.Title == "Expedition Job").PaidAmount.ShouldBe(12_000m);
        var doctors = applications.Single(a => a.Applicant == "Hausarztpraxis Dr. Kühn");
        (await Get<DeMinimisStatement>(DemoUsers.Auditor, $"/api/organisations/{doctors.ApplicantId}/de-minimis")).AidInWindow.ShouldBe(50_000m);

        // The grant scored by three reviewers: 7.15, 7.45 and 5.75 on the weights 40/35/25.
        var reviewed = (await Get<Page<ApplicationSummary>>(DemoUsers.Caseworker, "/api/applications?q=Rückkehrerinnen")).Items.ShouldHaveSingleItem();
        (reviewed.Status, reviewed.Review?.Counted, reviewed.Review?.Average, reviewed.Review?.Lowest, reviewed.Review?.Highest)
            .ShouldBe((ApplicationStatus.Approved, (int?)3, (decimal?)6.78m, (decimal?)5.75m, (decimal?)7.45m));

        // Lower Saxony allows external experts; Erika Expertin is assigned to the IT application awaiting the vote, and it is all she reads.
        (await Get<ProgrammeDetails>(DemoUsers.Auditor, $"/api/programmes/{reviewed.ProgrammeId}")).AllowsExternalExperts.ShouldBeTrue();
        var assignment = (await Get<IReadOnlyList<ReviewAssignment>>(DemoUsers.ExternalExpert, "/api/review-assignments")).ShouldHaveSingleItem();
        (assignment.Title, assignment.Status, assignment.Open, assignment.ReviewedAt)
            .ShouldBe(("IT-Fachkräfte für KMU im Weserbergland", ApplicationStatus.FormallyComplete, true, null));

        (await seeder.SeedAsync(TestContext.Current.CancellationToken)).ShouldBe(0);
        (await EventCount()).ShouldBe(events);
    }
}
