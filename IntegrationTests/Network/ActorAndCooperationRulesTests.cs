using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network;
using Fachwerk.Domain.Network.Actors;
using Fachwerk.Domain.Network.Cooperation;
using Fachwerk.Domain.Organisations;
using Fachwerk.Domain.Pilots;
using Fachwerk.IntegrationTests.Domain;

namespace Fachwerk.IntegrationTests.Network;

/// <summary>Network actors and cooperation agreements as pure functions: given their events, when a command, then events or a refusal.</summary>
public class ActorAndCooperationRulesTests
{
    private static readonly Guid ActorId = Guid.NewGuid();
    private static readonly NetworkParty District = new(Guid.NewGuid(), "Landkreis Mansfeld-Südharz", PartyKind.Organisation, OrganisationKind.Municipality);
    private static readonly NetworkParty University = new(Guid.NewGuid(), "Hochschule Merseburg", PartyKind.Organisation, OrganisationKind.University);

    private static ActorCharter Charter(ActorKind kind, bool nationwide, params Area[] areas) =>
        new("Metropolregion Mitteldeutschland", kind, "Metropolregion Mitteldeutschland Management GmbH", null, nationwide, areas, null, null,
            new DateOnly(2014, 1, 1));

    private static NetworkActor Actor() => Given.History<NetworkActor>(
        ActorDecider.Establish(ActorId, Charter(ActorKind.MetropolitanRegion, false, new Area(FederalState.Sachsen, "Leipzig")), Given.Stamp));

    [Fact]
    public void An_actor_covers_districts_in_several_states_or_the_whole_country_but_not_both()
    {
        var region = ActorDecider.Establish(ActorId, Charter(ActorKind.MetropolitanRegion, false, new Area(FederalState.Sachsen, " Leipzig "),
            new Area(FederalState.SachsenAnhalt, "Halle (Saale)"), new Area(FederalState.Thueringen)), Given.Stamp);

        region.Areas.Select(a => (a.FederalState, a.District)).ShouldBe([
            (FederalState.Sachsen, "Leipzig"), (FederalState.SachsenAnhalt, "Halle (Saale)"), (FederalState.Thueringen, (string?)null)]);
        ActorDecider.Establish(ActorId, Charter(ActorKind.Network, true), Given.Stamp).Nationwide.ShouldBeTrue();
        Given.Refusal(() => ActorDecider.Establish(ActorId, Charter(ActorKind.Network, true, new Area(FederalState.Bayern)), Given.Stamp))
            .Code.ShouldBe("actor.coverage");
        Given.Refusal(() => ActorDecider.Establish(ActorId, Charter(ActorKind.Network, false), Given.Stamp)).Code.ShouldBe("actor.coverage");
        Given.Refusal(() => ActorDecider.Establish(ActorId, Charter(ActorKind.Network, false, new Area(FederalState.Sachsen, "Leipzig"),
            new Area(FederalState.Sachsen, "leipzig")), Given.Stamp)).Code.ShouldBe("actor.duplicate-area");
        Given.Refusal(() => ActorDecider.Establish(ActorId, Charter(ActorKind.Network, false, new Area(FederalState.Sachsen, "Leipzig"),
            new Area(FederalState.Sachsen)), Given.Stamp)).Code.ShouldBe("actor.duplicate-area");
        Given.Refusal(() => ActorDecider.Establish(ActorId, Charter(ActorKind.LabourMarketCircle, false, new Area(FederalState.SachsenAnhalt)), Given.Stamp))
            .Code.ShouldBe("actor.circle-without-district");
    }

    [Fact]
    public void Members_join_once_in_a_role_after_the_establishment_and_leave_after_joining()
    {
        var actor = Actor();
        var joined = ActorDecider.AdmitMember(actor, District, MemberRole.SteeringGroup, new DateOnly(2015, 1, 1), Given.Stamp);
        var withMember = NetworkActor.Evolve(actor, joined);

        withMember.Members[District.Id].Role.ShouldBe(MemberRole.SteeringGroup);
        Given.Refusal(() => ActorDecider.AdmitMember(withMember, District, MemberRole.Member, new DateOnly(2016, 1, 1), Given.Stamp))
            .Code.ShouldBe("actor.already-member");
        Given.Refusal(() => ActorDecider.AdmitMember(actor, District, MemberRole.Member, new DateOnly(2013, 12, 31), Given.Stamp))
            .Code.ShouldBe("actor.joined-before-establishment");
        Given.Refusal(() => ActorDecider.AdmitMember(actor, new NetworkParty(ActorId, "itself", PartyKind.NetworkActor), MemberRole.Member,
            new DateOnly(2015, 1, 1), Given.Stamp)).Code.ShouldBe("actor.self-member");
        Given.Refusal(() => ActorDecider.RecordLeaving(withMember, District.Id, new DateOnly(2014, 12, 31), null, Given.Stamp))
            .Code.ShouldBe("actor.left-before-joining");
        Should.Throw<UnknownEntity>(() => ActorDecider.RecordLeaving(actor, District.Id, new DateOnly(2016, 1, 1), null, Given.Stamp))
            .Code.ShouldBe("actor.unknown-member");
        NetworkActor.Evolve(withMember, ActorDecider.RecordLeaving(withMember, District.Id, new DateOnly(2020, 1, 1), " merged ", Given.Stamp))
            .Members.ShouldBeEmpty();
    }

    [Fact]
    public void A_contact_persons_data_are_sealed_for_them_and_erased_once()
    {
        var actor = Actor();
        var person = Guid.NewGuid();
        Given.Refusal(() => ActorDecider.NameContactPerson(actor, person, null, new DateOnly(2018, 1, 1), Sealed(Guid.NewGuid()), Given.Stamp))
            .Code.ShouldBe("network.personal-data-of-another-person");
        var named = NetworkActor.Evolve(actor, ActorDecider.NameContactPerson(actor, person, " ArL ", new DateOnly(2018, 1, 1), Sealed(person), Given.Stamp));
        var request = new ErasureRequest(ErasureGround.Objection, new DateOnly(2026, 2, 1), null);

        var erased = ActorDecider.EraseContactPerson(named, person, request, Given.Stamp);

        erased.LegalBasis.ShouldBe(ErasureGround.Objection);
        Given.Refusal(() => ActorDecider.EraseContactPerson(NetworkActor.Evolve(named, erased), person, request, Given.Stamp))
            .Code.ShouldBe("actor.contact-person-erased");
        Should.Throw<UnknownEntity>(() => ActorDecider.EraseContactPerson(named, Guid.NewGuid(), request, Given.Stamp))
            .Code.ShouldBe("actor.unknown-contact-person");
    }

    private static SealedPersonalData Sealed(Guid person) => new(person, "A256GCM", "bm9uY2U=", "c2VhbGVk");

    [Fact]
    public void An_agreement_has_two_different_parties_and_a_term_that_ends_after_it_starts()
    {
        var terms = new AgreementTerms(" Praktika ", [District, University], new DateOnly(2017, 3, 1), new DateOnly(2017, 4, 1), new DateOnly(2020, 3, 31));

        CooperationDecider.Conclude(Guid.NewGuid(), terms, Given.Stamp).Subject.ShouldBe("Praktika");
        Given.Refusal(() => CooperationDecider.Conclude(Guid.NewGuid(), terms with { Parties = [District] }, Given.Stamp))
            .Code.ShouldBe("cooperation.too-few-parties");
        Given.Refusal(() => CooperationDecider.Conclude(Guid.NewGuid(), terms with { Parties = [District, District] }, Given.Stamp))
            .Code.ShouldBe("cooperation.duplicate-party");
        Given.Refusal(() => CooperationDecider.Conclude(Guid.NewGuid(), terms with { ValidUntil = new DateOnly(2017, 3, 31) }, Given.Stamp))
            .Code.ShouldBe("cooperation.invalid-term");
    }

    [Fact]
    public void An_agreement_is_extended_to_a_later_end_and_terminated_within_its_term_once()
    {
        var id = Guid.NewGuid();
        var agreement = Given.History<CooperationAgreement>(CooperationDecider.Conclude(id,
            new AgreementTerms("Praktika", [District, University], new DateOnly(2017, 3, 1), new DateOnly(2017, 4, 1), new DateOnly(2020, 3, 31)), Given.Stamp));

        Given.Refusal(() => CooperationDecider.Extend(agreement, new DateOnly(2020, 3, 31), Given.Stamp)).Code.ShouldBe("cooperation.extension-not-later");
        var extended = CooperationAgreement.Evolve(agreement, CooperationDecider.Extend(agreement, new DateOnly(2023, 3, 31), Given.Stamp));
        extended.ValidUntil.ShouldBe(new DateOnly(2023, 3, 31));
        Given.Refusal(() => CooperationDecider.Terminate(extended, new DateOnly(2023, 4, 1), "why", Given.Stamp))
            .Code.ShouldBe("cooperation.terminated-outside-term");
        var terminated = CooperationAgreement.Evolve(extended, CooperationDecider.Terminate(extended, new DateOnly(2022, 6, 30), "Closed", Given.Stamp));
        Given.Refusal(() => CooperationDecider.Extend(terminated, new DateOnly(2025, 1, 1), Given.Stamp)).Code.ShouldBe("cooperation.terminated");
        var open = Given.History<CooperationAgreement>(CooperationDecider.Conclude(id,
            new AgreementTerms("Praktika", [District, University], new DateOnly(2017, 3, 1), new DateOnly(2017, 4, 1), null), Given.Stamp));
        Given.Refusal(() => CooperationDecider.Extend(open, new DateOnly(2025, 1, 1), Given.Stamp)).Code.ShouldBe("cooperation.open-ended");
    }
}
