using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Application.Pilots;
using Fachwerk.Application.Programmes;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Pilots;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Documents;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Dashboards;

/// <summary>
/// The dashboard reader (ministry and district staff) reads aggregates only: a programme's budget, but no application, no list of
/// them, no document, no history and no pilot participant (ADR 0109). The access matrix shows the same for every operation with a
/// made-up id; here the cases and the person exist.
/// </summary>
public class DashboardReaderTests(AppFixture fixture) : DocumentApi(fixture)
{
    private static readonly DemoUser Reader = DemoUsers.DashboardReader;

    [Fact]
    public async Task A_dashboard_reader_reads_a_programmes_budget_but_is_refused_every_case_document_and_person()
    {
        var programme = await LaunchProgramme();
        var application = await Draft(programme);
        using var upload = await Upload(Applicant, application, TestDocuments.Pdf(), "Satzung.pdf", 1, "statutes");
        var document = (await ReadAsync<CommandAccepted>(upload)).Created!.Key;
        var (pilot, participant) = await PilotWithParticipant();
        var before = await EventCount();

        var budget = await Get<ProgrammeBudgetView>(Reader, $"/api/programmes/{programme}/budget");
        budget.ProgrammeId.ShouldBe(programme);
        budget.TotalBudget.ShouldBeGreaterThan(0m);

        foreach (var url in new[]
        {
            "/api/applications", $"/api/applications/{application}", $"/api/applications/{application}/documents/{document}",
            $"/api/applications/{application}/history", $"/api/pilots/{pilot}/participants", $"/api/pilots/{pilot}/participants/{participant}",
        })
        {
            var refusal = await Host.Scenario(s =>
            {
                Authorize(s, Reader);
                s.Get.Url(url);
                s.StatusCodeShouldBe(403);
            });
            (await ProblemOf(refusal)).Status.ShouldBe(403, url);
        }

        (await EventCount()).ShouldBe(before);
    }

    private async Task<(Guid Pilot, Guid Participant)> PilotWithParticipant()
    {
        var today = AuthorityCalendar.DayOf(Clock.GetUtcNow());
        var launched = await Post<StreamCreated>(DemoUsers.ProjectLead, "/api/pilots", new LaunchPilot("Welcome Center Dessau", "Stadt Dessau-Roßlau",
            new Period(today.AddMonths(-1), today.AddMonths(11)), [new FundingSource("ESF+", FundingSourceKind.EuropeanSocialFund, 80_000m)],
            [PilotService.HousingSearch]), 201);
        var enrolled = await Post<PilotItemAdded>(DemoUsers.ProjectLead, $"/api/pilots/{launched.Id}/participants", new EnrolParticipant(launched.Version,
            ParticipantKind.SkilledWorker, today, null, new ParticipantPersonalData("Ilze", "Kalnina", new DateOnly(1991, 3, 2), "LV", "ilze@example.org")), 201);
        return (launched.Id, enrolled.ItemId);
    }
}
