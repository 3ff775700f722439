using Alba;
using Fachwerk.Application.Alliances;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Application.Programmes;
using Fachwerk.Application.States;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Programmes;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Applications;

/// <summary>A programme's funding authority, eligible alliances and calls through the API, and what they mean for submissions.</summary>
public class ProgrammeCallTests(AppFixture fixture) : ApplicationApi(fixture)
{
    private static readonly FundingAuthority Ministry =
        new("Ministerium für Arbeit, Soziales, Gesundheit und Gleichstellung des Landes Sachsen-Anhalt", AuthorityLevel.State, FederalState.SachsenAnhalt);

    // The test clock starts on 2026-03-02 (AppFixture.Start).
    private static readonly Period March = new(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31));

    private Task<IScenarioResult> SetEligibility(Guid programme, long version, AllianceEligibility eligibility, int status = 200) =>
        Send(Caseworker, HttpMethod.Put, $"/api/programmes/{programme}/eligibility", new SetProgrammeEligibility(version, Ministry, eligibility), status);

    [Fact]
    public async Task An_alliance_the_programme_does_not_accept_is_refused_with_the_rule_and_nothing_is_appended()
    {
        var programme = await LaunchProgramme();
        var drafted = await Draft(programme);
        await SetEligibility(programme, 1, new AllianceEligibility(EligibleAlliances.Listed, Alliances: [Guid.CreateVersion7()]), 409);
        var other = (await Post<StreamCreated>(Caseworker, "/api/alliances", new FoundAlliance("Fachkräfteallianz Harz",
            FederalState.SachsenAnhalt, ["Harz"], "Wernigerode", new DateOnly(2016, 3, 1)), 201)).Id;
        await SetEligibility(programme, 1, new AllianceEligibility(EligibleAlliances.Listed, Alliances: [other]));
        var before = await EventCount();

        var problem = await ProblemOf(await Post(Applicant, $"/api/applications/{drafted}/submission", new SubmitApplication(1), 409));
        problem.Type.ShouldBe("urn:fachwerk:problem:programme.alliance-not-eligible");
        problem.Detail!.ShouldContain("'Fachkräfteallianz Sachsen-Anhalt Süd' is not one of them");
        await ProblemOf(await Post(Applicant, "/api/applications",
            new DraftApplication(ApplicantId, programme, AllianceId, "Halle (Saale)", Plan()), 409));
        (await EventCount()).ShouldBe(before);
        (await Details(drafted)).Status.ShouldBe(ApplicationStatus.Draft);
    }

    [Fact]
    public async Task A_state_programme_takes_the_alliances_recognized_in_its_state_and_the_state_page_lists_both()
    {
        var programme = await LaunchProgramme();
        await SetEligibility(programme, 1, new AllianceEligibility(EligibleAlliances.RecognizedInState, FederalState.SachsenAnhalt));

        var id = await Submitted(programme);

        (await Details(id)).Status.ShouldBe(ApplicationStatus.Submitted);
        var details = await Get<ProgrammeDetails>(Caseworker, $"/api/programmes/{programme}");
        details.Authority.ShouldBe(Ministry);
        details.Eligibility.State.ShouldBe(FederalState.SachsenAnhalt);
        var state = await Get<StateOverview>(Applicant, "/api/states/st");
        state.Code.ShouldBe("ST");
        state.RecognizedAlliances.ShouldContain(a => a.Id == AllianceId);
        state.Programmes.ShouldContain(p => p.Id == programme);
        (await ProblemOf(await GetExpecting(Applicant, "/api/states/XX", 404))).Type.ShouldBe("urn:fachwerk:problem:state.unknown");
    }

    [Fact]
    public async Task A_submission_inside_an_open_call_is_recorded_with_the_call_and_one_outside_every_window_is_refused()
    {
        var programme = await LaunchProgramme();
        var opened = await Post<CommandAccepted>(Caseworker, $"/api/programmes/{programme}/calls", new OpenCall(1, "1. Förderaufruf 2026", March, 300_000m));
        opened.Created!.Key.ShouldBe("1");

        var inside = await Submitted(programme);
        (await Details(inside)).Call.ShouldBe(new SubmittedToCall(1, "1. Förderaufruf 2026"));

        var late = await Draft(programme);
        // 2026-03-31 23:30 UTC is already 1 April in Germany: the window's last day has passed.
        Clock.SetUtcNow(new DateTimeOffset(2026, 3, 31, 23, 30, 0, TimeSpan.Zero));
        var before = await EventCount();
        var problem = await ProblemOf(await Post(Applicant, $"/api/applications/{late}/submission", new SubmitApplication(1), 409));
        problem.Type.ShouldBe("urn:fachwerk:problem:call.window-closed");
        problem.Detail!.ShouldContain("none is open on 2026-04-01");
        (await EventCount()).ShouldBe(before);

        await Post<CommandAccepted>(Caseworker, $"/api/programmes/{programme}/calls/1/extension", new ExtendCall(2, new DateOnly(2026, 4, 15), "Easter holidays"));
        await Act(Applicant, late, "submission", new SubmitApplication(1));
        var calls = (await Get<ProgrammeDetails>(Caseworker, $"/api/programmes/{programme}")).Calls;
        calls.ShouldHaveSingleItem().Window.To.ShouldBe(new DateOnly(2026, 4, 15));
    }

    [Fact]
    public async Task Call_changes_check_versions_numbers_roles_and_input()
    {
        var programme = await LaunchProgramme();
        await Post<CommandAccepted>(Caseworker, $"/api/programmes/{programme}/calls", new OpenCall(1, "1. Förderaufruf 2026", March));
        var before = await EventCount();

        (await ProblemOf(await Post(Caseworker, $"/api/programmes/{programme}/calls", new OpenCall(1, "2. Förderaufruf", March), 409)))
            .Type.ShouldBe("urn:fachwerk:problem:stale-version");
        (await ProblemOf(await Post(Caseworker, $"/api/programmes/{programme}/calls", new OpenCall(2, "Sonderaufruf", March), 409)))
            .Type.ShouldBe("urn:fachwerk:problem:call.window-overlaps");
        (await ProblemOf(await Post(Caseworker, $"/api/programmes/{programme}/calls/7/closure", new CloseCall(2, "x"), 404)))
            .Type.ShouldBe("urn:fachwerk:problem:call.unknown");
        await ProblemOf(await Post(Applicant, $"/api/programmes/{programme}/calls", new OpenCall(2, "x", March), 403));
        (await ValidationProblemOf(await Post(Caseworker, $"/api/programmes/{programme}/calls/1/closure", new CloseCall(2, ""), 400)))
            .Errors.Keys.ShouldBe(["reason"]);
        (await EventCount()).ShouldBe(before);

        await Post<CommandAccepted>(Caseworker, $"/api/programmes/{programme}/calls/1/closure", new CloseCall(2, "Budget fully requested"));
        var draft = await Draft(programme);
        (await ProblemOf(await Post(Applicant, $"/api/applications/{draft}/submission", new SubmitApplication(1), 409)))
            .Type.ShouldBe("urn:fachwerk:problem:call.window-closed");
    }
}
