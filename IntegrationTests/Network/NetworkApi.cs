using Fachwerk.Application.Common;
using Fachwerk.Application.Network;
using Fachwerk.Application.Network.Activities;
using Fachwerk.Application.Network.People;
using Fachwerk.Application.Organisations;
using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network;
using Fachwerk.Domain.Network.Activities;
using Fachwerk.Domain.Organisations;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Applications;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Network;

/// <summary>
/// The regional network on top of a region to apply in (<see cref="ApplicationApi"/>: the southern Saxony-Anhalt alliance with
/// Haus Steinstraße e.V. and the IHK as members): a district to organise activities, and the requests the network's tests
/// send again and again. The alliance coordinator acts for that alliance.
/// </summary>
public abstract class NetworkApi(AppFixture fixture) : ApplicationApi(fixture)
{
    protected static readonly DemoUser Coordinator = DemoUsers.AllianceCoordinator;

    protected Guid DistrictId { get; private set; }

    /// <summary>Today on the fixture's clock: 2026-03-02 unless a test moved it.</summary>
    protected DateOnly Today => AuthorityCalendar.DayOf(Clock.GetUtcNow());

    protected static readonly Place Halle = new("Halle (Saale)", "Halle (Saale)", FederalState.SachsenAnhalt, "Stadthaus");

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        DistrictId = (await Post<StreamCreated>(Caseworker, "/api/organisations",
            new RegisterOrganisation("Stadt Halle (Saale)", OrganisationKind.Municipality, "Halle (Saale)"), 201)).Id;
    }

    protected override (Guid? Organisation, Guid? Alliance, Guid? Pilot) BindingsOf(DemoUser user, string? url) =>
        user == Coordinator ? (null, AllianceId, null) : base.BindingsOf(user, url);

    /// <summary>A returner day of the alliance on <paramref name="day"/> (a Saturday late in the year by default), organised by the city.</summary>
    protected static PlanActivity ReturnerDay(DateOnly day, int? capacity = 3, Guid? alliance = null, Guid? organiser = null, Guid? series = null) =>
        new(ActivityKind.ReturnerDay, $"Rückkehrertag {day.Year}", "Rückkehr in die Region", new Period(day, day), Halle, [organiser ?? Guid.Empty],
            TargetGroups: [TargetGroup.ReturnersToWork], Capacity: capacity, AllianceId: alliance, SeriesId: series);

    protected async Task<StreamCreated> Plan(PlanActivity plan, DemoUser? user = null) =>
        await Post<StreamCreated>(user ?? Coordinator, "/api/activities", plan with
        {
            OrganiserIds = [.. plan.OrganiserIds.Select(o => o == Guid.Empty ? DistrictId : o)],
            AllianceId = plan.AllianceId ?? AllianceId,
        }, 201);

    protected async Task<long> Do(string url, object command, DemoUser? user = null) =>
        (await Post<CommandAccepted>(user ?? Coordinator, url, command)).Version;

    protected async Task<(Guid Registration, long Version)> Register(Guid activity, long version, string givenName, string familyName, DateOnly on)
    {
        var added = await Post<NetworkItemAdded>(Coordinator, $"/api/activities/{activity}/registrations",
            new RegisterForActivity(version, on, new PersonalDetails(givenName, familyName, Email: $"{givenName.ToLowerInvariant()}@example.org")), 201);
        return (added.ItemId, added.Version);
    }

    protected Task<ActivityDetails> Activity(Guid activity) => Get<ActivityDetails>(DemoUsers.Auditor, $"/api/activities/{activity}");

    protected static RecordActivityHeld Held(long version, DateOnly day, int returners, int walkIns, params ProgrammePoint[] programme) =>
        new(version, new Period(day, day), new Dictionary<AttendeeGroup, int> { [AttendeeGroup.ReturnersToWork] = returners }, walkIns,
            ["IHK Halle-Dessau"], ContactsMade: returners, Placements: 1, Programme: programme);
}
