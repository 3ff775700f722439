using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Application.Network.Activities;
using Fachwerk.Domain.Network.Activities;
using Fachwerk.Web.Network.Activities.Actions;
using Fachwerk.Web.Shared;

namespace Fachwerk.IntegrationTests.WebUi;

/// <summary>Which steps of an activity's life the activity page offers, by state, role and the coordinator's alliance (ADR 0085).</summary>
public class ActivityActionsUiTests
{
    private static readonly Guid Own = Guid.NewGuid();
    private static readonly Guid Other = Guid.NewGuid();

    private static CurrentUser User(string role, Guid? alliance = null) => new(new ClaimsPrincipal(new ClaimsIdentity(
        [new Claim(UserClaims.Subject, "someone"), new Claim(UserClaims.Role, role), .. alliance is { } id ? [new Claim(UserClaims.Alliance, id.ToString())] : Array.Empty<Claim>()],
        "test", UserClaims.Name, UserClaims.Role)));

    private static ActivityDetails Activity(ActivityStatus status, Guid? alliance) => new() { Id = Guid.NewGuid(), Status = status, AllianceId = alliance };

    [Theory]
    [InlineData(ActivityStatus.Planned, new[] { ActivityActions.Announce, ActivityActions.Replan, ActivityActions.LinkFunding, ActivityActions.Hold, ActivityActions.Cancel })]
    [InlineData(ActivityStatus.Announced, new[] { ActivityActions.Register, ActivityActions.Replan, ActivityActions.LinkFunding, ActivityActions.Hold, ActivityActions.Cancel })]
    [InlineData(ActivityStatus.Held, new[] { ActivityActions.LinkFunding, ActivityActions.Report })]
    [InlineData(ActivityStatus.Reported, new[] { ActivityActions.LinkFunding })]
    [InlineData(ActivityStatus.Cancelled, new string[0])]
    public void Each_state_offers_the_steps_the_API_accepts_in_it(ActivityStatus status, string[] offered)
    {
        var coordinator = User(Roles.AllianceCoordinator, Own);
        ActivityActions.OnActivity.Where(a => ActivityActions.Offers(a, Activity(status, Own), coordinator)).ShouldBe(offered);
        ActivityActions.OnActivity.Where(a => ActivityActions.Offers(a, Activity(status, null), User(Roles.Caseworker))).ShouldBe(offered);
    }

    [Fact]
    public void Registrations_and_named_speakers_are_offered_for_cancelling_and_erasure_until_none_is_left()
    {
        var caseworker = User(Roles.Caseworker);
        var open = new RegistrationEntry(Guid.NewGuid(), new DateOnly(2026, 5, 1), RegistrationStatus.Confirmed, PersonalDataErased: false);
        var erased = open with { Id = Guid.NewGuid(), Status = RegistrationStatus.Cancelled, PersonalDataErased = true };
        var announced = Activity(ActivityStatus.Announced, Own) with { Registrations = [open] };
        ActivityActions.Offers(ActivityActions.CancelRegistration, announced, caseworker).ShouldBeTrue();
        ActivityActions.Offers(ActivityActions.ErasePerson, announced, caseworker).ShouldBeTrue();
        ActivityActions.Offers(ActivityActions.ErasePerson, announced with { Registrations = [erased] }, caseworker).ShouldBeFalse();

        ActivityOutcomeRecord Outcome(bool speakerErased) => new(new Fachwerk.Domain.Common.Period(new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 1)),
            new Dictionary<Fachwerk.Domain.Network.AttendeeGroup, int>(), 0, 0, [], 0, 0,
            [new ProgrammeItemRecord(Guid.NewGuid(), ProgrammeItemKind.Talk, 1, "Fachkräfte halten", Guid.NewGuid(), "IHK", speakerErased)]);
        var held = Activity(ActivityStatus.Held, Own) with { Registrations = [erased], Outcome = Outcome(speakerErased: false) };
        ActivityActions.Offers(ActivityActions.ErasePerson, held, caseworker).ShouldBeTrue("a speaker's data can be erased");
        ActivityActions.Offers(ActivityActions.ErasePerson, held with { Outcome = Outcome(speakerErased: true) }, caseworker).ShouldBeFalse();
    }

    [Fact]
    public void A_coordinator_is_offered_only_their_own_alliances_activities_and_others_who_read_them_nothing()
    {
        var coordinator = User(Roles.AllianceCoordinator, Own);
        ActivityActions.Offers(ActivityActions.Announce, Activity(ActivityStatus.Planned, Other), coordinator).ShouldBeFalse();
        ActivityActions.Offers(ActivityActions.Announce, Activity(ActivityStatus.Planned, null), coordinator).ShouldBeFalse();
        ActivityActions.Offers(ActivityActions.Announce, Activity(ActivityStatus.Planned, Own), User(Roles.Administrator)).ShouldBeTrue();
        ActivityActions.Offers(ActivityActions.Announce, Activity(ActivityStatus.Planned, Own), User(Roles.Auditor)).ShouldBeFalse();
        ActivityActions.Offers(ActivityActions.Announce, Activity(ActivityStatus.Planned, Own), User(Roles.AllianceReviewer, Own)).ShouldBeFalse();
        ActivityActions.MayPlan(coordinator).ShouldBeTrue();
        ActivityActions.MayPlan(User(Roles.Approver)).ShouldBeFalse();
    }
}
