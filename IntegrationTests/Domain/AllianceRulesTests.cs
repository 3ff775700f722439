using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Organisations;

namespace Fachwerk.IntegrationTests.Domain;

public class AllianceRulesTests
{
    private static readonly Guid AllianceId = Guid.NewGuid();
    private static readonly Organisation Jobcenter = new(Guid.NewGuid(), "Jobcenter Hildesheim", OrganisationKind.JobCentre, "Hildesheim");
    private static readonly Period Esf = new(new DateOnly(2021, 1, 1), new DateOnly(2027, 12, 31));

    private static readonly AllianceFounded Founded = new(AllianceId, "Fachkräftebündnis Leine-Weser", FederalState.Niedersachsen,
        ["Hildesheim", "Nienburg"], "ArL Leine-Weser", new DateOnly(2021, 3, 1), "u", DateTimeOffset.UnixEpoch);

    private static readonly AllianceRecognized Recognized = new(AllianceId, "MW Niedersachsen", new DateOnly(2021, 4, 1), Esf, "u", DateTimeOffset.UnixEpoch);

    private static readonly AllianceDissolved Dissolved = new(AllianceId, new DateOnly(2024, 1, 1), "Merged", "u", DateTimeOffset.UnixEpoch);

    private static MemberJoined Joined(Organisation organisation, DateOnly on) =>
        new(AllianceId, organisation.Id, organisation.Name, organisation.Kind, on, "u", DateTimeOffset.UnixEpoch);

    [Fact]
    public void Founding_trims_and_keeps_the_districts_and_records_who_and_when()
    {
        var founded = AllianceDecider.Found(AllianceId, new AllianceCharter("  Bündnis  ", FederalState.Niedersachsen, [" Hildesheim ", "Nienburg"], " ArL ", new DateOnly(2021, 3, 1)), Given.Stamp);

        founded.Name.ShouldBe("Bündnis");
        founded.Districts.ShouldBe(["Hildesheim", "Nienburg"]);
        founded.CoordinatingOffice.ShouldBe("ArL");
        founded.RecordedBy.ShouldBe(Given.Stamp.By);
        founded.RecordedAt.ShouldBe(Given.Stamp.At);
    }

    [Fact]
    public void An_alliance_covers_at_least_one_district_each_listed_once()
    {
        Given.Refusal(() => AllianceDecider.Found(AllianceId, new AllianceCharter("B", FederalState.Bayern, [], "Office", new DateOnly(2021, 1, 1)), Given.Stamp))
            .Code.ShouldBe("alliance.no-districts");
        Given.Refusal(() => AllianceDecider.Found(AllianceId, new AllianceCharter("B", FederalState.Bayern, ["Passau", "passau "], "Office", new DateOnly(2021, 1, 1)), Given.Stamp))
            .Code.ShouldBe("alliance.duplicate-district");
    }

    [Fact]
    public void A_founded_alliance_is_recognized_for_a_funding_period()
    {
        var alliance = Given.History<Alliance>(Founded);

        var recognized = AllianceDecider.Recognize(alliance, "MW Niedersachsen", new DateOnly(2021, 4, 1), Esf, Given.Stamp);

        recognized.FundingPeriod.ShouldBe(Esf);
        Alliance.Evolve(alliance, recognized).Status.ShouldBe(AllianceStatus.Recognized);
    }

    [Fact]
    public void There_is_no_second_recognition_while_one_stands()
    {
        var alliance = Given.History<Alliance>(Founded, Recognized);

        Given.Refusal(() => AllianceDecider.Recognize(alliance, "Other ministry", new DateOnly(2022, 1, 1), Esf, Given.Stamp))
            .Code.ShouldBe("alliance.already-recognized");
    }

    [Fact]
    public void After_withdrawal_the_alliance_can_be_recognized_again()
    {
        var withdrawn = new AllianceRecognitionWithdrawn(AllianceId, new DateOnly(2022, 6, 30), "Funding rules changed", "u", DateTimeOffset.UnixEpoch);
        var alliance = Given.History<Alliance>(Founded, Recognized, withdrawn);

        alliance.Status.ShouldBe(AllianceStatus.Founded);
        alliance.Recognition.ShouldBeNull();
        AllianceDecider.Recognize(alliance, "MW Niedersachsen", new DateOnly(2022, 7, 1), Esf, Given.Stamp).ShouldNotBeNull();
    }

    [Fact]
    public void Only_a_recognized_alliance_loses_its_recognition_and_not_before_it_was_granted()
    {
        Given.Refusal(() => AllianceDecider.WithdrawRecognition(Given.History<Alliance>(Founded), new DateOnly(2022, 1, 1), "why", Given.Stamp))
            .Code.ShouldBe("alliance.not-recognized");
        Given.Refusal(() => AllianceDecider.WithdrawRecognition(Given.History<Alliance>(Founded, Recognized), new DateOnly(2021, 3, 31), "why", Given.Stamp))
            .Code.ShouldBe("alliance.withdrawn-before-recognition");
    }

    [Fact]
    public void Recognition_needs_a_sound_period_and_cannot_precede_the_founding()
    {
        var alliance = Given.History<Alliance>(Founded);

        Given.Refusal(() => AllianceDecider.Recognize(alliance, "M", new DateOnly(2021, 4, 1), new Period(Esf.To, Esf.From), Given.Stamp))
            .Code.ShouldBe("alliance.invalid-funding-period");
        Given.Refusal(() => AllianceDecider.Recognize(alliance, "M", new DateOnly(2021, 2, 28), Esf, Given.Stamp))
            .Code.ShouldBe("alliance.recognized-before-founding");
    }

    [Fact]
    public void An_organisation_is_a_member_only_once()
    {
        var alliance = Given.History<Alliance>(Founded, Joined(Jobcenter, new DateOnly(2021, 5, 1)));

        Given.Refusal(() => AllianceDecider.AdmitMember(alliance, Jobcenter, new DateOnly(2021, 6, 1), Given.Stamp))
            .Code.ShouldBe("alliance.already-member");
    }

    [Fact]
    public void A_member_that_left_may_join_again()
    {
        var left = new MemberLeft(AllianceId, Jobcenter.Id, new DateOnly(2022, 1, 31), null, "u", DateTimeOffset.UnixEpoch);
        var alliance = Given.History<Alliance>(Founded, Joined(Jobcenter, new DateOnly(2021, 5, 1)), left);

        alliance.Members.ShouldBeEmpty();
        AllianceDecider.AdmitMember(alliance, Jobcenter, new DateOnly(2023, 1, 1), Given.Stamp).OrganisationId.ShouldBe(Jobcenter.Id);
    }

    [Fact]
    public void Only_members_leave_and_not_before_they_joined()
    {
        var alliance = Given.History<Alliance>(Founded, Joined(Jobcenter, new DateOnly(2021, 5, 1)));

        Given.Refusal(() => AllianceDecider.RecordLeaving(alliance, Guid.NewGuid(), new DateOnly(2022, 1, 1), null, Given.Stamp))
            .Code.ShouldBe("alliance.not-a-member");
        Given.Refusal(() => AllianceDecider.RecordLeaving(alliance, Jobcenter.Id, new DateOnly(2021, 4, 30), null, Given.Stamp))
            .Code.ShouldBe("alliance.left-before-joining");
    }

    [Fact]
    public void Focusing_on_the_same_target_groups_again_records_nothing()
    {
        var focused = new AllianceTargetGroupsFocused(AllianceId, [TargetGroup.Refugees, TargetGroup.YoungPeople], "u", DateTimeOffset.UnixEpoch);
        var alliance = Given.History<Alliance>(Founded, focused);

        AllianceDecider.FocusOn(alliance, [TargetGroup.YoungPeople, TargetGroup.Refugees, TargetGroup.Refugees], Given.Stamp).ShouldBeEmpty();
        AllianceDecider.FocusOn(alliance, [TargetGroup.YoungPeople], Given.Stamp)
            .ShouldHaveSingleItem().ShouldBeOfType<AllianceTargetGroupsFocused>().TargetGroups.ShouldBe([TargetGroup.YoungPeople]);
    }

    [Fact]
    public void A_dissolved_alliance_no_longer_changes()
    {
        var alliance = Given.History<Alliance>(Founded, Recognized, Joined(Jobcenter, new DateOnly(2021, 5, 1)), Dissolved);

        alliance.Status.ShouldBe(AllianceStatus.Dissolved);
        alliance.Recognition.ShouldBeNull();
        var refusals = new Action[]
        {
            () => AllianceDecider.Recognize(alliance, "M", new DateOnly(2024, 2, 1), Esf, Given.Stamp),
            () => AllianceDecider.WithdrawRecognition(alliance, new DateOnly(2024, 2, 1), "why", Given.Stamp),
            () => AllianceDecider.AdmitMember(alliance, Jobcenter with { Id = Guid.NewGuid() }, new DateOnly(2024, 2, 1), Given.Stamp),
            () => AllianceDecider.RecordLeaving(alliance, Jobcenter.Id, new DateOnly(2024, 2, 1), null, Given.Stamp),
            () => AllianceDecider.FocusOn(alliance, [TargetGroup.Refugees], Given.Stamp),
            () => AllianceDecider.Dissolve(alliance, new DateOnly(2024, 2, 1), "again", Given.Stamp),
        };
        refusals.ShouldAllBe(decide => Given.Refusal(decide).Code == "alliance.dissolved");
    }

    [Fact]
    public void A_stream_that_does_not_start_with_the_founding_is_rejected()
    {
        Should.Throw<UnexpectedFirstEventException>(() => Given.History<Alliance>(Recognized));
    }
}
