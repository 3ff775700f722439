using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Programmes;
using static Fachwerk.IntegrationTests.Domain.ApplicationWorld;

namespace Fachwerk.IntegrationTests.Domain;

/// <summary>A programme's funding authority, the alliances its applications may name, and its calls with their submission windows.</summary>
public class ProgrammeCallRulesTests
{
    private static readonly FundingAuthority SaxonyAnhaltMinistry =
        new("Ministerium für Arbeit, Soziales, Gesundheit und Gleichstellung", AuthorityLevel.State, FederalState.SachsenAnhalt);

    private static readonly Period Spring = new(new DateOnly(2026, 3, 1), new DateOnly(2026, 5, 31));

    private static FundingProgramme With(FundingProgramme programme, params object[] events) => events.Aggregate(programme, FundingProgramme.Evolve);

    private static FundingProgramme BoundTo(AllianceEligibility eligibility) =>
        With(Programme(), new ProgrammeEligibilitySet(Guid.Empty, SaxonyAnhaltMinistry, eligibility, null, "admin", Now));

    private static FundingProgramme WithSpringCall(DateTimeOffset? closedAt = null)
    {
        var programme = With(Programme(), new CallOpened(Guid.Empty, 1, "1. Förderaufruf 2026", Spring, 200_000m, "admin", Now));
        return closedAt is { } at ? With(programme, new CallClosed(Guid.Empty, 1, "Budget reached", "admin", at)) : programme;
    }

    private static FundingApplication Draft(Fachwerk.Domain.Alliances.Alliance alliance, FundingProgramme programme) =>
        Given.History<FundingApplication>(Drafted(alliance, programme));

    private static Stamp On(int year, int month, int day) => Applicant with { At = new DateTimeOffset(year, month, day, 10, 0, 0, TimeSpan.Zero) };

    [Fact]
    public void A_state_programme_accepts_the_alliances_recognized_in_its_state_and_refuses_others_with_the_rule()
    {
        var programme = BoundTo(new AllianceEligibility(EligibleAlliances.RecognizedInState, FederalState.SachsenAnhalt));
        var recognized = Alliance(recognized: true);
        var notRecognized = Alliance(recognized: false);

        ApplicationDecider.Submit(Draft(recognized, programme), programme, recognized, new DateOnly(2026, 3, 2), Applicant).Call.ShouldBeNull();
        var refusal = Given.Refusal(() => ApplicationDecider.Submit(Draft(notRecognized, programme), programme, notRecognized, new DateOnly(2026, 3, 2), Applicant));
        refusal.Code.ShouldBe("programme.alliance-not-eligible");
        refusal.Message.ShouldContain("is not recognized");
        Given.Refusal(() => ApplicationDecider.Draft(AppId, HausSteinstrasse, programme, notRecognized, "Saalekreis", Plan(), Applicant))
            .Code.ShouldBe("programme.alliance-not-eligible");
    }

    [Fact]
    public void A_listed_eligibility_admits_only_the_listed_alliances()
    {
        var listed = Alliance();
        var other = Alliance();
        var programme = BoundTo(new AllianceEligibility(EligibleAlliances.Listed, Alliances: [listed.Id]));

        ApplicationDecider.Draft(AppId, HausSteinstrasse, programme, listed, "Saalekreis", Plan(), Applicant).AllianceId.ShouldBe(listed.Id);
        Given.Refusal(() => ApplicationDecider.Draft(AppId, HausSteinstrasse, programme, other, "Saalekreis", Plan(), Applicant))
            .Message.ShouldContain("only for the alliances it lists");
    }

    [Fact]
    public void A_state_programme_binds_itself_only_to_alliances_of_its_own_state()
    {
        Given.Refusal(() => ProgrammeDecider.SetEligibility(Programme(), SaxonyAnhaltMinistry,
            new AllianceEligibility(EligibleAlliances.RecognizedInState, FederalState.Niedersachsen), null, Caseworker)).Code.ShouldBe("programme.eligibility-other-state");
        Given.Refusal(() => ProgrammeDecider.SetEligibility(Programme(), SaxonyAnhaltMinistry with { State = null },
            AllianceEligibility.AnyAlliance, null, Caseworker)).Code.ShouldBe("programme.authority-without-state");
        Given.Refusal(() => ProgrammeDecider.SetEligibility(Programme(), SaxonyAnhaltMinistry,
            new AllianceEligibility(EligibleAlliances.Listed, Alliances: []), null, Caseworker)).Code.ShouldBe("programme.no-eligible-alliances");

        var eligibility = new AllianceEligibility(EligibleAlliances.RecognizedInState, FederalState.SachsenAnhalt);
        var set = ProgrammeDecider.SetEligibility(Programme(), SaxonyAnhaltMinistry, eligibility, null, Caseworker).ShouldHaveSingleItem();
        ProgrammeDecider.SetEligibility(With(Programme(), set), SaxonyAnhaltMinistry, eligibility, null, Caseworker).ShouldBeEmpty();
    }

    [Fact]
    public void Without_calls_a_programme_takes_applications_throughout_its_funding_period_as_before()
    {
        var region = Alliance();
        ApplicationDecider.Submit(Draft(region, Programme()), Programme(), region, new DateOnly(2026, 3, 2), Applicant).Call.ShouldBeNull();
    }

    [Fact]
    public void A_submission_inside_an_open_window_is_recorded_with_its_call_and_one_outside_is_refused()
    {
        var programme = WithSpringCall();
        var region = Alliance();

        ApplicationDecider.Submit(Draft(region, programme), programme, region, new DateOnly(2026, 5, 31), On(2026, 5, 31)).Call
            .ShouldBe(new SubmittedToCall(1, "1. Förderaufruf 2026"));
        var late = Given.Refusal(() => ApplicationDecider.Submit(Draft(region, programme), programme, region, new DateOnly(2026, 6, 1), On(2026, 6, 1)));
        late.Code.ShouldBe("call.window-closed");
        late.Message.ShouldContain("none is open on 2026-06-01");
        late.Message.ShouldContain("took submissions until 2026-05-31");
        Given.Refusal(() => ApplicationDecider.Submit(Draft(region, programme), programme, region, new DateOnly(2026, 2, 28), On(2026, 2, 28)))
            .Message.ShouldContain("opens on 2026-03-01");
    }

    [Fact]
    public void A_call_closed_early_takes_no_further_submissions()
    {
        var programme = WithSpringCall(closedAt: new DateTimeOffset(2026, 4, 10, 12, 0, 0, TimeSpan.Zero));
        var region = Alliance();

        Given.Refusal(() => ApplicationDecider.Submit(Draft(region, programme), programme, region, new DateOnly(2026, 4, 10), On(2026, 4, 10) with
        {
            At = new DateTimeOffset(2026, 4, 10, 12, 0, 1, TimeSpan.Zero),
        })).Code.ShouldBe("call.window-closed");
        Given.Refusal(() => ProgrammeDecider.CloseCall(programme, 1, "again", Caseworker)).Code.ShouldBe("call.not-open");
        Should.Throw<UnknownEntity>(() => ProgrammeDecider.CloseCall(programme, 2, "none", Caseworker)).Code.ShouldBe("call.unknown");
    }

    [Fact]
    public void Calls_lie_within_the_funding_period_do_not_overlap_and_share_the_budget()
    {
        var programme = WithSpringCall();

        ProgrammeDecider.OpenCall(programme, "2. Förderaufruf 2026", new Period(new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 31)), null, Caseworker)
            .CallNumber.ShouldBe(2);
        Given.Refusal(() => ProgrammeDecider.OpenCall(programme, "Sonderaufruf", new Period(new DateOnly(2026, 5, 1), new DateOnly(2026, 6, 30)), null, Caseworker))
            .Code.ShouldBe("call.window-overlaps");
        Given.Refusal(() => ProgrammeDecider.OpenCall(programme, "Spät", new Period(new DateOnly(2027, 12, 1), new DateOnly(2028, 1, 31)), null, Caseworker))
            .Code.ShouldBe("call.outside-funding-period");
        Given.Refusal(() => ProgrammeDecider.OpenCall(programme, "Groß", new Period(new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 31)), 900_000.01m, Caseworker))
            .Message.ShouldContain("1,100,000.01 EUR, more than the programme's budget of 1,000,000.00 EUR");
        Given.Refusal(() => ProgrammeDecider.OpenCall(programme, "1. förderaufruf 2026", new Period(new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 30)), null, Caseworker))
            .Code.ShouldBe("call.duplicate-name");
    }

    [Fact]
    public void An_extended_call_takes_submissions_until_its_new_last_day()
    {
        var programme = WithSpringCall();
        var region = Alliance();

        var extended = With(programme, ProgrammeDecider.ExtendCall(programme, 1, new DateOnly(2026, 6, 15), "Many enquiries", Caseworker));

        ApplicationDecider.Submit(Draft(region, extended), extended, region, new DateOnly(2026, 6, 15), On(2026, 6, 15)).Call!.Number.ShouldBe(1);
        Given.Refusal(() => ProgrammeDecider.ExtendCall(programme, 1, new DateOnly(2026, 5, 1), "shorter", Caseworker)).Code.ShouldBe("call.not-later");
    }
}
