using Fachwerk.Application.Alliances;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Applications;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Alliances;

/// <summary>What an alliance decided earlier: its votes on its region's applications, for its own reviewers and staff only.</summary>
public class AllianceStatementTests(AppFixture fixture) : ApplicationApi(fixture)
{
    private Task<Page<AllianceStatement>> Statements(DemoUser user, string query = "") =>
        Get<Page<AllianceStatement>>(user, $"/api/alliances/{AllianceId}/statements{query}");

    [Fact]
    public async Task The_alliance_votes_are_listed_newest_application_first_with_where_each_stands_now_leaving_out_the_one_asked_for()
    {
        var programme = await LaunchProgramme();
        var (first, _) = await ReadyForDecision(programme, plan: Plan(title: "Erstes Votum"));
        var (second, _) = await ReadyForDecision(programme, plan: Plan(title: "Zweites Votum"));
        await Submitted(programme, Plan(title: "Noch ohne Votum"));

        var all = await Statements(Reviewer);
        all.Items.Select(s => s.Title).ShouldBe(["Zweites Votum", "Erstes Votum"]);
        all.TotalItems.ShouldBe(2);
        var statement = all.Items[1];
        statement.ShouldBe(statement with
        {
            ApplicationId = first, Number = ApplicationNumber.Of(first), Applicant = "Haus Steinstraße e.V.", Status = ApplicationStatus.AllianceVoted,
            Recommends = true, Reasons = "Fits the regional strategy", CastBy = Reviewer.Id, RequestedAmount = 40_000m, ApprovedAmount = null,
        });
        statement.Scores.ShouldBe(new Dictionary<string, int> { ["Bedarf"] = 8, ["Nachhaltigkeit"] = 7 }, ignoreOrder: true);

        (await Statements(Reviewer, $"?except={second}")).Items.Select(s => s.ApplicationId).ShouldBe([first]);
        var paged = await Statements(Caseworker, "?pageSize=1&page=2");
        (paged.Items.Single().ApplicationId, paged.PageCount).ShouldBe((first, 2L));
    }

    [Fact]
    public async Task Reviewers_of_another_alliance_and_applicants_are_refused_and_bad_paging_is_400()
    {
        var otherReviewer = Reviewer with { Id = "reviewer.elsewhere" };
        await GetExpecting(otherReviewer, $"/api/alliances/{AllianceId}/statements", 403);
        await GetExpecting(Applicant, $"/api/alliances/{AllianceId}/statements", 403);
        await GetExpecting(Caseworker, $"/api/alliances/{Guid.NewGuid()}/statements", 404);
        await GetExpecting(Caseworker, $"/api/alliances/{AllianceId}/statements?page=0", 400);
        await GetExpecting(Caseworker, $"/api/alliances/{AllianceId}/statements?pageSize=500", 400);
    }
}
