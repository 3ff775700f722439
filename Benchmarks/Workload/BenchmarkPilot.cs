using Fachwerk.Application.Common;
using Fachwerk.Application.Pilots;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Pilots;
using Fachwerk.Host.Development;

namespace Fachwerk.Benchmarks.Workload;

/// <summary>
/// A pilot project for the pilot demand dashboard (5s): the imported history holds applications only. Launched through the API as
/// the project lead, with a year's phase and participants enrolled and served in every month of it, so its demand has a year of
/// months to show.
/// </summary>
public static class BenchmarkPilot
{
    private static readonly Period Phase = new(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));

    /// <summary>Launches it with <paramref name="participantsPerMonth"/> participants enrolled in each month, each with one service; answers its id.</summary>
    public static async Task<Guid> LaunchAsync(FachwerkApi api, int participantsPerMonth, CancellationToken cancellation)
    {
        var lead = await api.TokenAsync(DemoUsers.ProjectLead.Id, cancellation: cancellation);
        var launched = await api.CommandAsync<StreamCreated>(lead, "/api/pilots", new LaunchPilot("Relocation Service (Benchmark)", "Benchmark",
            Phase, [new FundingSource("ESF", FundingSourceKind.EuropeanSocialFund, null)], Enum.GetValues<PilotService>()), cancellation);
        lead = await api.TokenAsync(DemoUsers.ProjectLead.Id, cancellation: cancellation, pilotId: launched.Id);
        var version = launched.Version;
        for (var month = 0; month < 12; month++)
        {
            for (var n = 0; n < participantsPerMonth; n++)
            {
                var day = Phase.From.AddMonths(month).AddDays(n % 28);
                var enrolled = await api.CommandAsync<PilotItemAdded>(lead, $"/api/pilots/{launched.Id}/participants", new EnrolParticipant(version,
                    ParticipantKind.SkilledWorker, day, null, new ParticipantPersonalData("Anna", $"Benchmark {month}-{n}", new DateOnly(1990, 1, 1), "LV")), cancellation);
                var served = await api.CommandAsync<CommandAccepted>(lead, $"/api/pilots/{launched.Id}/participants/{enrolled.ItemId}/services",
                    new DeliverService(enrolled.Version, PilotService.LanguageCourse, day), cancellation);
                version = served.Version;
            }
        }

        // The demand is an asynchronous projection: the page is measured once it shows every service.
        var expected = 12 * participantsPerMonth;
        var reader = await api.TokenAsync(DemoUsers.DashboardReader.Id, cancellation: cancellation);
        var deadline = DateTimeOffset.UtcNow.AddMinutes(2);
        while ((await api.GetAsync<PilotDemandReport>(reader, $"/api/pilots/{launched.Id}/demand", cancellation)) is not { Building: false } report
               || report.Totals.ServicesDelivered < expected)
        {
            if (DateTimeOffset.UtcNow > deadline) throw new TimeoutException($"The benchmark pilot's demand did not count {expected} services within two minutes.");
            await Task.Delay(200, cancellation);
        }

        return launched.Id;
    }
}
