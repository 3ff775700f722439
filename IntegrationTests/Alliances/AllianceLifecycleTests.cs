using Fachwerk.Application.Alliances;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Organisations;
using Fachwerk.IntegrationTests.Infrastructure;
using Marten;

namespace Fachwerk.IntegrationTests.Alliances;

public class AllianceLifecycleTests(AppFixture fixture) : AllianceApi(fixture)
{
    [Fact]
    public async Task Founding_answers_201_with_the_location_and_the_first_version()
    {
        var result = await Post(Caseworker, "/api/alliances", LeineWeser(), 201);
        var created = await Read<StreamCreated>(result);

        created.Version.ShouldBe(1);
        result.Context.Response.Headers.Location.ToString().ShouldBe($"/api/alliances/{created.Id}");
        var details = await Details(created.Id);
        details.Name.ShouldBe("Regionales Fachkräftebündnis Leine-Weser");
        details.Districts.Count.ShouldBe(6);
        details.Status.ShouldBe(AllianceStatus.Founded);
        details.Version.ShouldBe(1);
    }

    [Fact]
    public async Task An_alliance_goes_through_recognition_membership_focus_withdrawal_and_dissolution()
    {
        var alliance = (await Found()).Id;
        var jobcenter = (await Register("Jobcenter Hildesheim")).Id;
        var chamber = (await Register("Handwerkskammer Hildesheim-Südniedersachsen", OrganisationKind.ChamberOfCrafts)).Id;

        var version = (await Recognize(alliance, 1)).Version;
        version.ShouldBe(2);
        version = (await Admit(alliance, version, jobcenter)).Version;
        version = (await Admit(alliance, version, chamber)).Version;
        version = (await Send(Caseworker, HttpMethod.Put, $"/api/alliances/{alliance}/target-groups",
            new FocusOnTargetGroups(version, [TargetGroup.Refugees, TargetGroup.ReturnersToWork]))).ReadAsJson<CommandAccepted>()!.Version;
        version = (await Post<CommandAccepted>(Caseworker, $"/api/alliances/{alliance}/members/{jobcenter}/departure",
            new RecordMemberLeaving(version, new DateOnly(2019, 6, 30), "Reorganisation"))).Version;

        var details = await Details(alliance);
        details.Version.ShouldBe(version);
        details.Status.ShouldBe(AllianceStatus.Recognized);
        details.Recognition!.FundingPeriod.ShouldBe(Esf);
        details.Members.ShouldHaveSingleItem().Name.ShouldBe("Handwerkskammer Hildesheim-Südniedersachsen");
        details.FormerMembers.ShouldHaveSingleItem().LeftOn.ShouldBe(new DateOnly(2019, 6, 30));
        details.MemberCount.ShouldBe(1);
        details.MembersByKind.ShouldBe(new Dictionary<OrganisationKind, int> { [OrganisationKind.ChamberOfCrafts] = 1 });
        details.TargetGroups.ShouldBe([TargetGroup.Refugees, TargetGroup.ReturnersToWork], ignoreOrder: true);

        version = (await Post<CommandAccepted>(Caseworker, $"/api/alliances/{alliance}/recognition/withdrawal",
            new WithdrawAllianceRecognition(version, new DateOnly(2020, 12, 31), "Funding period ended"))).Version;
        version = (await Post<CommandAccepted>(Caseworker, $"/api/alliances/{alliance}/dissolution",
            new DissolveAlliance(version, new DateOnly(2021, 3, 31), "Merged into the state-wide alliance"))).Version;

        details = await Details(alliance);
        details.Version.ShouldBe(version);
        details.Status.ShouldBe(AllianceStatus.Dissolved);
        details.Recognition.ShouldBeNull();
        details.FormerRecognitions.ShouldHaveSingleItem().WithdrawalReason.ShouldBe("Funding period ended");
        details.DissolutionReason.ShouldBe("Merged into the state-wide alliance");
    }

    [Fact]
    public async Task Every_event_records_who_sent_the_command_why_and_under_which_correlation()
    {
        var alliance = (await Found()).Id;
        await Post(Caseworker, $"/api/alliances/{alliance}/recognition",
            new RecognizeAlliance(1, "MW Niedersachsen", new DateOnly(2015, 8, 27), Esf, "Notice of 27 August"), configure: s =>
            {
                s.WithRequestHeader(CommandMetadata.CorrelationIdHeader, "c0a5e4711");
                s.WithRequestHeader(CommandMetadata.CausationIdHeader, "1e77e40815");
            });

        await using var session = Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(alliance, token: TestContext.Current.CancellationToken);
        events.Count.ShouldBe(2);
        events.ShouldAllBe(e => e.UserName == Caseworker.Id);
        events[0].Headers!["command"].ToString().ShouldBe(nameof(FoundAlliance));
        var recognized = events[1];
        recognized.Data.ShouldBeOfType<AllianceRecognized>().RecordedBy.ShouldBe(Caseworker.Id);
        recognized.Headers!["command"].ToString().ShouldBe(nameof(RecognizeAlliance));
        recognized.Headers["reason"].ToString().ShouldBe("Notice of 27 August");
        recognized.CorrelationId.ShouldBe("c0a5e4711");
        recognized.CausationId.ShouldBe("1e77e40815");
        recognized.Timestamp.ShouldBe(Clock.GetUtcNow());
    }

    [Fact]
    public async Task Focusing_on_the_same_target_groups_again_appends_nothing_and_keeps_the_version()
    {
        var alliance = (await Found()).Id;
        var focus = new FocusOnTargetGroups(1, [TargetGroup.YoungPeople]);
        var first = (await Send(Caseworker, HttpMethod.Put, $"/api/alliances/{alliance}/target-groups", focus)).ReadAsJson<CommandAccepted>()!;
        var again = (await Send(Caseworker, HttpMethod.Put, $"/api/alliances/{alliance}/target-groups", focus with { ExpectedVersion = first.Version }))
            .ReadAsJson<CommandAccepted>()!;

        first.Version.ShouldBe(2);
        again.Version.ShouldBe(2);
        (await EventCount()).ShouldBe(2);
    }

    [Fact]
    public async Task The_list_filters_by_state_status_name_and_district_and_pages()
    {
        var leineWeser = (await Found()).Id;
        await Recognize(leineWeser, 1);
        await Found(new FoundAlliance("Fachkräfteallianz Sachsen-Anhalt Süd", Fachwerk.Domain.Common.FederalState.SachsenAnhalt,
            ["Mansfeld-Südharz", "Saalekreis"], "Geschäftsstelle Halle", new DateOnly(2016, 3, 1)));
        await Found(new FoundAlliance("Fachkräftenetzwerk Mecklenburgische Seenplatte", Fachwerk.Domain.Common.FederalState.MecklenburgVorpommern,
            ["Mecklenburgische Seenplatte"], "Wirtschaftsförderung", new DateOnly(2018, 12, 20)));

        (await Get<Page<AllianceSummary>>(Caseworker, "/api/alliances")).TotalItems.ShouldBe(3);
        (await Get<Page<AllianceSummary>>(Caseworker, "/api/alliances?federalState=SachsenAnhalt")).Items
            .ShouldHaveSingleItem().Name.ShouldBe("Fachkräfteallianz Sachsen-Anhalt Süd");
        var recognized = (await Get<Page<AllianceSummary>>(Caseworker, "/api/alliances?status=Recognized")).Items.ShouldHaveSingleItem();
        recognized.Id.ShouldBe(leineWeser);
        recognized.RecognizedUntil.ShouldBe(Esf.To);
        recognized.Version.ShouldBe(2);
        (await Get<Page<AllianceSummary>>(Caseworker, "/api/alliances?name=seenplatte")).Items.ShouldHaveSingleItem();
        (await Get<Page<AllianceSummary>>(Caseworker, "/api/alliances?district=Saalekreis")).Items.ShouldHaveSingleItem();
        (await Get<Page<AllianceSummary>>(Caseworker, "/api/alliances?district=saalekreis")).Items.ShouldHaveSingleItem();
        (await Get<Page<AllianceSummary>>(Caseworker, "/api/alliances?district=Saale")).Items.ShouldBeEmpty("a district is named in full");

        var page2 = await Get<Page<AllianceSummary>>(Caseworker, "/api/alliances?page=2&pageSize=2");
        page2.Items.ShouldHaveSingleItem().Name.ShouldBe("Regionales Fachkräftebündnis Leine-Weser");
        page2.PageCount.ShouldBe(2);
    }
}
