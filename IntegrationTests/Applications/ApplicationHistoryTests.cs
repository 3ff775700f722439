using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Applications;

/// <summary>The application's history as the funding authority's staff read it: who did what, when and why, newest first, paged.</summary>
public class ApplicationHistoryTests(AppFixture fixture) : ApplicationApi(fixture)
{
    [Fact]
    public async Task Staff_read_who_did_what_and_why_newest_first_with_labels_in_German_and_English()
    {
        var programme = await LaunchProgramme();
        var id = await Submitted(programme);
        var version = await Act(Caseworker, id, "document-requests", new RequestDocuments(2, ["Satzung"], "Satzung fehlt"));
        version = await Act(Applicant, id, "document-supplies", new SupplyDocuments(version, ["dms://satzung"]));
        await Act(Caseworker, id, "formal-completeness", new CompleteFormally(version, "Alle Unterlagen liegen vor"));

        foreach (var reader in new[] { Caseworker, Approver, DemoUsers.Auditor, DemoUsers.Administrator })
        {
            var history = await Get<Page<HistoryEntry>>(reader, $"/api/applications/{id}/history");
            history.TotalItems.ShouldBe(5);
            history.Items.Select(e => e.Version).ShouldBe([5L, 4, 3, 2, 1]);
            history.Items.Select(e => e.EventType).ShouldBe(["application_formally_completed", "documents_supplied", "documents_requested",
                "application_submitted", "application_drafted"]);
        }

        var newest = (await Get<Page<HistoryEntry>>(Caseworker, $"/api/applications/{id}/history")).Items;
        newest[0].ShouldBe(newest[0] with
        {
            By = Caseworker.Id, Reason = "Alle Unterlagen liegen vor", Command = nameof(CompleteFormally),
            Label = new Fachwerk.Application.Audit.Label("Antrag formal vollständig", "Application formally complete"),
        });
        newest[2].Reason.ShouldBe("Satzung fehlt");
        newest[3].By.ShouldBe(Applicant.Id);
        newest[3].Reason.ShouldBeNull();
    }

    [Fact]
    public async Task The_history_is_read_a_page_at_a_time()
    {
        var id = await Submitted(await LaunchProgramme());
        await Act(Caseworker, id, "formal-completeness", new CompleteFormally(2));

        var first = await Get<Page<HistoryEntry>>(Caseworker, $"/api/applications/{id}/history?pageSize=2");
        var last = await Get<Page<HistoryEntry>>(Caseworker, $"/api/applications/{id}/history?pageSize=2&page=2");

        (first.TotalItems, first.PageCount).ShouldBe((3L, 2L));
        first.Items.Select(e => e.Version).ShouldBe([3L, 2]);
        last.Items.Select(e => e.Version).ShouldBe([1L]);
    }

    [Fact]
    public async Task Applicants_and_reviewers_do_not_read_it_an_unknown_application_is_404_and_bad_paging_400()
    {
        var id = await Submitted(await LaunchProgramme());

        await GetExpecting(Applicant, $"/api/applications/{id}/history", 403);
        await GetExpecting(Reviewer, $"/api/applications/{id}/history", 403);
        await GetExpecting(Caseworker, $"/api/applications/{Guid.NewGuid()}/history", 404);
        await GetExpecting(Caseworker, $"/api/applications/{id}/history?pageSize=0", 400);
    }
}
