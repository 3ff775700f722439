using Fachwerk.Application.Common;
using Fachwerk.Application.Pilots;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Pilots;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;
using Marten;
using Marten.Events;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.DependencyInjection;

namespace Fachwerk.IntegrationTests.Pilots;

/// <summary>
/// Requests the pilot tests send again and again. Every call names the version it expects and returns the new one,
/// so a test reads as the history it records.
/// </summary>
public abstract class PilotApi(AppFixture fixture) : IntegrationContext(fixture)
{
    protected static readonly DemoUser Lead = DemoUsers.ProjectLead;

    /// <summary>
    /// Starts the asynchronous projections (the demand dashboard) after the base class reset the store. In Solo mode
    /// Marten 9's test coordinator (ExplicitProjectionCoordinator) runs only daemons someone asked for, and the reset
    /// stops them.
    /// </summary>
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await Host.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase().StartAllAsync();
    }

    /// <summary>The project lead acts for the pilot the request is about (its id in the URL).</summary>
    protected override (Guid? Organisation, Guid? Alliance, Guid? Pilot) BindingsOf(DemoUser user, string? url)
    {
        var match = url is null ? null : System.Text.RegularExpressions.Regex.Match(url, "/api/pilots/([0-9a-fA-F-]{36})");
        return match is { Success: true } && user == Lead ? (null, null, Guid.Parse(match.Groups[1].Value)) : (null, null, null);
    }

    /// <summary>Today on the fixture's clock, which other tests may have moved forward: dates are relative to it.</summary>
    protected DateOnly Today => AuthorityCalendar.DayOf(Clock.GetUtcNow());

    protected DateOnly ThisMonth => new(Today.Year, Today.Month, 1);

    /// <summary>Twelve complete months that ended with last month: the evaluation is due at once.</summary>
    protected Period PastPhase => new(ThisMonth.AddMonths(-12), ThisMonth.AddDays(-1));

    /// <summary>Began six months ago, ends in six months.</summary>
    protected Period RunningPhase => new(ThisMonth.AddMonths(-6), ThisMonth.AddMonths(6).AddDays(-1));

    protected static readonly IReadOnlyList<PilotService> AllServices = Enum.GetValues<PilotService>();

    protected static LaunchPilot Relocation(Period phase) => new(
        "Relocation Service Magdeburg",
        "Landeshauptstadt Magdeburg, Dezernat für Wirtschaft, Tourismus und regionale Zusammenarbeit",
        phase,
        [
            new FundingSource("Europäischer Sozialfonds (ESF)", FundingSourceKind.EuropeanSocialFund, 180_000.00m),
            new FundingSource("Ministerium für Arbeit und Soziales des Landes Sachsen-Anhalt", FundingSourceKind.StateGovernment, null),
        ],
        AllServices);

    protected static ParticipantPersonalData Person(string givenName, string familyName, DateOnly? birthDate = null, string nationality = "LV") =>
        new(givenName, familyName, birthDate ?? new DateOnly(1990, 5, 17), nationality,
            $"{givenName.ToLowerInvariant()}.{familyName.ToLowerInvariant()}@example.org", "+371 2000 0000");

    protected Task<StreamCreated> Launch(Period phase) => Post<StreamCreated>(Lead, "/api/pilots", Relocation(phase), 201);

    protected async Task<(Guid Company, long Version)> EnrolCompany(Guid pilot, long version, string name, DateOnly on, int need = 2)
    {
        var added = await Post<PilotItemAdded>(Lead, $"/api/pilots/{pilot}/companies",
            new EnrolCompany(version, name, "Magdeburg", need, ["Elektroniker/in", "Pflegefachkraft"], on), 201);
        return (added.ItemId, added.Version);
    }

    protected async Task<(Guid Participant, long Version)> EnrolParticipant(
        Guid pilot, long version, DateOnly on, ParticipantPersonalData? person = null, ParticipantKind kind = ParticipantKind.SkilledWorker,
        DateOnly? internshipEndsOn = null)
    {
        var added = await Post<PilotItemAdded>(Lead, $"/api/pilots/{pilot}/participants",
            new EnrolParticipant(version, kind, on, internshipEndsOn, person ?? Person("Anna", "Testa")), 201);
        return (added.ItemId, added.Version);
    }

    protected async Task<long> Deliver(Guid pilot, long version, Guid participant, PilotService service, DateOnly on) =>
        (await Post<CommandAccepted>(Lead, $"/api/pilots/{pilot}/participants/{participant}/services",
            new DeliverService(version, service, on))).Version;

    protected async Task<long> Refer(Guid pilot, long version, Guid participant, Guid company, DateOnly on) =>
        (await Post<CommandAccepted>(Lead, $"/api/pilots/{pilot}/participants/{participant}/referrals",
            new ReferParticipant(version, company, on))).Version;

    protected async Task<long> Place(Guid pilot, long version, Guid participant, Guid company, DateOnly on) =>
        (await Post<CommandAccepted>(Lead, $"/api/pilots/{pilot}/participants/{participant}/placement",
            new PlaceParticipant(version, company, on))).Version;

    protected async Task<long> HoldTraining(Guid pilot, long version, IReadOnlyList<Guid> companies, DateOnly on) =>
        (await Post<PilotItemAdded>(Lead, $"/api/pilots/{pilot}/intercultural-trainings",
            new HoldInterculturalTraining(version, companies, on), 201)).Version;

    protected Task<PilotDetails> Details(Guid pilot) => Get<PilotDetails>(DemoUsers.Auditor, $"/api/pilots/{pilot}");

    protected Task<ParticipantView> Participant(Guid pilot, Guid participant, DemoUser? reader = null) =>
        Get<ParticipantView>(reader ?? Lead, $"/api/pilots/{pilot}/participants/{participant}");

    /// <summary>The demand dashboard, once the asynchronous projection has caught up with every event.</summary>
    protected async Task<PilotDemandReport> Demand(Guid pilot)
    {
        await Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        return await Get<PilotDemandReport>(DemoUsers.Auditor, $"/api/pilots/{pilot}/demand");
    }
}
