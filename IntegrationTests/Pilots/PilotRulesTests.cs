using Fachwerk.Domain.Common;
using Fachwerk.Domain.Pilots;
using Fachwerk.IntegrationTests.Domain;

namespace Fachwerk.IntegrationTests.Pilots;

/// <summary>The pilot's decisions, folded from events in memory (no database). "Today" is the day of the stamp: 2026-03-02.</summary>
public class PilotRulesTests
{
    private static readonly Guid PilotId = Guid.NewGuid();
    private static readonly Guid Company = Guid.NewGuid();
    private static readonly Guid Worker = Guid.NewGuid();
    private static readonly Guid Intern = Guid.NewGuid();
    private static readonly Period Phase = new(new DateOnly(2025, 9, 1), new DateOnly(2026, 8, 31));
    private static readonly DateOnly Today = AuthorityCalendar.DayOf(Given.Stamp.At);
    private static readonly DateTimeOffset At = DateTimeOffset.UnixEpoch;

    private static readonly PilotLaunched Launched = new(PilotId, "Relocation Service", "Stadt Magdeburg", Phase,
        [new FundingSource("ESF", FundingSourceKind.EuropeanSocialFund, null)],
        [PilotService.HousingSearch, PilotService.LanguageCourse, PilotService.InterculturalTraining], "u", At);

    private static readonly PilotCompanyEnrolled CompanyEnrolled = new(PilotId, Company, "Elbe Metallbau GmbH", "Magdeburg", 3, [], new DateOnly(2025, 9, 10), "u", At);
    private static readonly PilotParticipantEnrolled WorkerEnrolled = Enrolled(Worker, ParticipantKind.SkilledWorker, new DateOnly(2025, 10, 1), null);
    private static readonly PilotParticipantEnrolled InternEnrolled = Enrolled(Intern, ParticipantKind.Intern, new DateOnly(2025, 10, 1), new DateOnly(2026, 1, 31));

    private static PilotParticipantEnrolled Enrolled(Guid id, ParticipantKind kind, DateOnly on, DateOnly? internshipEndsOn) =>
        new(PilotId, id, kind, on, internshipEndsOn, Sealed(id), "u", At);

    private static SealedPersonalData Sealed(Guid subject) => new(subject, "A256GCM", "bm9uY2U=", "c2VhbGVk");

    private static Pilot Running() => Given.History<Pilot>(Launched, CompanyEnrolled, WorkerEnrolled, InternEnrolled);

    private static Stamp On(DateOnly day) => Given.Stamp with { At = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero) };

    [Fact]
    public void A_phase_that_ended_before_the_launch_makes_the_evaluation_due_at_once()
    {
        var past = new Period(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31));

        var running = PilotDecider.Launch(PilotId, new PilotCharter("P", "S", Phase, [], [PilotService.Culture]), Given.Stamp);
        var ended = PilotDecider.Launch(PilotId, new PilotCharter("P", "S", past, [], [PilotService.Culture]), Given.Stamp);

        running.ShouldHaveSingleItem().ShouldBeOfType<PilotLaunched>();
        ended.Select(e => e.GetType()).ShouldBe([typeof(PilotLaunched), typeof(PilotEvaluationDue)]);
        PilotDecider.EvaluationDueAt(Phase).ShouldBe(new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void A_launch_needs_a_sound_phase_services_and_distinct_funding_sources()
    {
        Given.Refusal(() => PilotDecider.Launch(PilotId, new PilotCharter("P", "S", new Period(Phase.To, Phase.From), [], [PilotService.Culture]), Given.Stamp))
            .Code.ShouldBe("pilot.invalid-phase");
        Given.Refusal(() => PilotDecider.Launch(PilotId, new PilotCharter("P", "S", Phase, [], []), Given.Stamp)).Code.ShouldBe("pilot.no-services");
        Given.Refusal(() => PilotDecider.Launch(PilotId, new PilotCharter("P", "S", Phase, [new FundingSource("ESF", FundingSourceKind.EuropeanSocialFund, null), new FundingSource("esf ", FundingSourceKind.Other, 1m)], [PilotService.Culture]), Given.Stamp))
            .Code.ShouldBe("pilot.duplicate-funding-source");
    }

    [Fact]
    public void Activities_lie_in_the_phase_and_not_in_the_future()
    {
        var pilot = Running();

        Given.Refusal(() => PilotDecider.DeliverService(pilot, Worker, PilotService.HousingSearch, new DateOnly(2025, 8, 31), Given.Stamp))
            .Code.ShouldBe("pilot.before-phase");
        Given.Refusal(() => PilotDecider.DeliverService(pilot, Worker, PilotService.HousingSearch, Today.AddDays(1), Given.Stamp))
            .Code.ShouldBe("pilot.date-in-future");
        Given.Refusal(() => PilotDecider.DeliverService(pilot, Worker, PilotService.HousingSearch, new DateOnly(2026, 9, 1), On(new DateOnly(2026, 10, 1))))
            .Code.ShouldBe("pilot.after-phase");
        Given.Refusal(() => PilotDecider.DeliverService(pilot, Worker, PilotService.HousingSearch, new DateOnly(2025, 9, 30), Given.Stamp))
            .Code.ShouldBe("pilot.before-enrolment");
    }

    [Fact]
    public void Services_are_the_offered_ones_and_intercultural_trainings_are_for_companies()
    {
        var pilot = Running();

        Given.Refusal(() => PilotDecider.DeliverService(pilot, Worker, PilotService.Childcare, Today, Given.Stamp)).Code.ShouldBe("pilot.service-not-offered");
        Given.Refusal(() => PilotDecider.DeliverService(pilot, Worker, PilotService.InterculturalTraining, Today, Given.Stamp))
            .Code.ShouldBe("pilot.training-is-for-companies");
        PilotDecider.HoldInterculturalTraining(pilot, Guid.NewGuid(), [Company, Company], Today, Given.Stamp).CompanyIds.ShouldBe([Company]);
        Should.Throw<UnknownEntity>(() => PilotDecider.HoldInterculturalTraining(pilot, Guid.NewGuid(), [Guid.NewGuid()], Today, Given.Stamp))
            .Code.ShouldBe("pilot.unknown-company");
    }

    [Fact]
    public void Interns_come_for_a_limited_period_and_get_nothing_after_it()
    {
        var pilot = Running();
        var on = new DateOnly(2025, 10, 1);

        Given.Refusal(() => PilotDecider.EnrolParticipant(pilot, Guid.NewGuid(), new ParticipantEnrolment(ParticipantKind.Intern, on, null, Sealed(Guid.NewGuid())), Given.Stamp))
            .Code.ShouldBe("pilot.personal-data-of-another-person");
        var id = Guid.NewGuid();
        Given.Refusal(() => PilotDecider.EnrolParticipant(pilot, id, new ParticipantEnrolment(ParticipantKind.Intern, on, null, Sealed(id)), Given.Stamp))
            .Code.ShouldBe("pilot.internship-end-missing");
        Given.Refusal(() => PilotDecider.EnrolParticipant(pilot, id, new ParticipantEnrolment(ParticipantKind.Intern, on, on.AddMonths(13), Sealed(id)), Given.Stamp))
            .Code.ShouldBe("pilot.internship-too-long");
        Given.Refusal(() => PilotDecider.EnrolParticipant(pilot, id, new ParticipantEnrolment(ParticipantKind.SkilledWorker, on, on.AddMonths(1), Sealed(id)), Given.Stamp))
            .Code.ShouldBe("pilot.not-an-intern");
        Given.Refusal(() => PilotDecider.DeliverService(pilot, Intern, PilotService.LanguageCourse, new DateOnly(2026, 2, 1), Given.Stamp))
            .Code.ShouldBe("pilot.internship-over");
    }

    [Fact]
    public void A_participant_is_placed_only_with_a_company_they_were_referred_to_and_only_once()
    {
        var pilot = Running();
        var referredOn = new DateOnly(2025, 11, 3);

        Given.Refusal(() => PilotDecider.Place(pilot, Worker, Company, referredOn, Given.Stamp)).Code.ShouldBe("pilot.not-referred");
        pilot = Pilot.Evolve(pilot, PilotDecider.Refer(pilot, Worker, Company, referredOn, Given.Stamp));
        Given.Refusal(() => PilotDecider.Refer(pilot, Worker, Company, referredOn, Given.Stamp)).Code.ShouldBe("pilot.already-referred");
        Given.Refusal(() => PilotDecider.Place(pilot, Worker, Company, referredOn.AddDays(-1), Given.Stamp)).Code.ShouldBe("pilot.before-referral");
        pilot = Pilot.Evolve(pilot, PilotDecider.Place(pilot, Worker, Company, referredOn.AddDays(14), Given.Stamp));

        pilot.Participants[Worker].PlacedWith.ShouldBe(Company);
        pilot.Demand[new DateOnly(2025, 11, 1)].Placements.ShouldBe(1);
        Given.Refusal(() => PilotDecider.Place(pilot, Worker, Company, referredOn.AddDays(20), Given.Stamp)).Code.ShouldBe("pilot.participant-already-placed");
        Should.Throw<UnknownEntity>(() => PilotDecider.Refer(pilot, Guid.NewGuid(), Company, referredOn, Given.Stamp)).Code.ShouldBe("pilot.unknown-participant");
    }

    [Fact]
    public void The_evaluation_becomes_due_once_after_the_phase_and_a_stale_timer_records_nothing()
    {
        var pilot = Running();
        var dayAfter = On(Phase.To.AddDays(1));

        PilotDecider.MarkEvaluationDue(pilot, On(Phase.To)).ShouldBeEmpty();
        var due = PilotDecider.MarkEvaluationDue(pilot, dayAfter).ShouldHaveSingleItem().ShouldBeOfType<PilotEvaluationDue>();
        due.PhaseEndedOn.ShouldBe(Phase.To);
        PilotDecider.MarkEvaluationDue(Pilot.Evolve(pilot, due), dayAfter).ShouldBeEmpty();

        var extended = PilotDecider.ExtendPhase(pilot, Phase.To.AddMonths(3), "More demand than expected", Given.Stamp).ShouldHaveSingleItem();
        PilotDecider.MarkEvaluationDue(Pilot.Evolve(pilot, extended), dayAfter).ShouldBeEmpty();
        Given.Refusal(() => PilotDecider.ExtendPhase(Pilot.Evolve(pilot, due), Phase.To.AddMonths(3), "late", dayAfter)).Code.ShouldBe("pilot.phase-closed");
    }

    [Fact]
    public void The_continuation_is_decided_once_the_evaluation_is_due_with_reasons_and_records_the_indicator()
    {
        var pilot = Running();
        var dayAfter = On(Phase.To.AddDays(1));
        Given.Refusal(() => PilotDecider.DecideContinuation(pilot, new Continuation(ContinuationDecision.End, ["Too little demand"], Phase.To.AddDays(1), null), dayAfter))
            .Code.ShouldBe("pilot.evaluation-not-due");
        pilot = Pilot.Evolve(pilot, PilotDecider.MarkEvaluationDue(pilot, dayAfter).Single());

        Given.Refusal(() => PilotDecider.DecideContinuation(pilot, new Continuation(ContinuationDecision.Continue, ["Stable demand"], Phase.To.AddDays(1), null), dayAfter))
            .Code.ShouldBe("pilot.continuation-period-missing");
        Given.Refusal(() => PilotDecider.DecideContinuation(pilot, new Continuation(ContinuationDecision.End, [" "], Phase.To.AddDays(1), null), dayAfter))
            .Code.ShouldBe("pilot.continuation-without-reasons");
        var decided = PilotDecider.DecideContinuation(pilot, new Continuation(ContinuationDecision.End, ["Too little demand"], Phase.To.AddDays(1), null), dayAfter);

        decided.Assessment.Verdict.ShouldBe(DemandVerdict.NotStable);
        decided.Assessment.Window.Count.ShouldBe(6);
        pilot = Pilot.Evolve(pilot, decided);
        pilot.Status.ShouldBe(PilotStatus.Ended);
        Given.Refusal(() => PilotDecider.DeliverService(pilot, Worker, PilotService.HousingSearch, Phase.To, dayAfter)).Code.ShouldBe("pilot.ended");
        Given.Refusal(() => PilotDecider.DecideContinuation(pilot, new Continuation(ContinuationDecision.End, ["again"], Phase.To.AddDays(2), null), dayAfter))
            .Code.ShouldBe("pilot.continuation-decided");
    }

    [Fact]
    public void A_continued_pilot_records_activities_until_the_continuation_ends()
    {
        var dayAfter = On(Phase.To.AddDays(1));
        var pilot = Running();
        pilot = Pilot.Evolve(pilot, PilotDecider.MarkEvaluationDue(pilot, dayAfter).Single());
        pilot = Pilot.Evolve(pilot, PilotDecider.DecideContinuation(pilot, new Continuation(ContinuationDecision.Continue, ["Stable demand"], Phase.To.AddDays(1), new DateOnly(2027, 8, 31)), dayAfter));

        pilot.Status.ShouldBe(PilotStatus.Continued);
        PilotDecider.DeliverService(pilot, Worker, PilotService.HousingSearch, new DateOnly(2026, 10, 1), On(new DateOnly(2026, 10, 2)))
            .DeliveredOn.ShouldBe(new DateOnly(2026, 10, 1));
        Given.Refusal(() => PilotDecider.DeliverService(pilot, Worker, PilotService.HousingSearch, new DateOnly(2027, 9, 1), On(new DateOnly(2027, 9, 2))))
            .Code.ShouldBe("pilot.after-phase");
    }

    [Fact]
    public void A_legal_hold_blocks_erasure_until_its_day_and_says_why()
    {
        var hold = PilotDecider.PlaceLegalHold(Running(), new DateOnly(2031, 12, 31), "Art. 82 Regulation (EU) 2021/1060", Given.Stamp);
        var pilot = Pilot.Evolve(Running(), hold);

        var refusal = Given.Refusal(() => PilotDecider.EraseParticipantData(pilot, Worker, ErasureGround.ConsentWithdrawn, Today, null, Given.Stamp));
        refusal.Code.ShouldBe("pilot.legal-hold");
        refusal.Message.ShouldContain("until 2031-12-31");
        refusal.Message.ShouldContain("Art. 82 Regulation (EU) 2021/1060");
        refusal.Message.ShouldContain("from 2032-01-01");
        PilotDecider.EraseParticipantData(pilot, Worker, ErasureGround.ConsentWithdrawn, Today, null, On(new DateOnly(2032, 1, 1)))
            .LegalBasis.ShouldBe(ErasureGround.ConsentWithdrawn);
        Given.Refusal(() => PilotDecider.PlaceLegalHold(pilot, Today.AddDays(-1), "x", Given.Stamp)).Code.ShouldBe("pilot.legal-hold-in-the-past");
        Given.Refusal(() => PilotDecider.LiftLegalHold(Running(), "x", Given.Stamp)).Code.ShouldBe("pilot.no-legal-hold");
    }

    [Fact]
    public void After_erasure_the_participant_keeps_its_history_and_changes_no_more_even_after_the_pilot_ended()
    {
        var pilot = Running();
        var erased = PilotDecider.EraseParticipantData(pilot, Worker, ErasureGround.ConsentWithdrawn, Today, "DSGVO-2026-014", Given.Stamp);
        pilot = Pilot.Evolve(pilot, erased);

        erased.RecordedBy.ShouldBe(Given.Stamp.By);
        pilot.Participants.Count.ShouldBe(2);
        pilot.Demand[new DateOnly(2025, 10, 1)].NewParticipants.ShouldBe(2);
        var refusals = new Action[]
        {
            () => PilotDecider.EraseParticipantData(pilot, Worker, ErasureGround.ConsentWithdrawn, Today, null, Given.Stamp),
            () => PilotDecider.DeliverService(pilot, Worker, PilotService.HousingSearch, Today, Given.Stamp),
            () => PilotDecider.Refer(pilot, Worker, Company, Today, Given.Stamp),
            () => PilotDecider.CorrectParticipantData(pilot, Worker, Sealed(Worker), Given.Stamp),
        };
        refusals.ShouldAllBe(decide => Given.Refusal(decide).Code == "pilot.participant-erased");
    }

    [Fact]
    public void A_pilot_stream_that_does_not_start_with_the_launch_is_rejected()
    {
        Should.Throw<UnexpectedFirstEventException>(() => Given.History<Pilot>(CompanyEnrolled));
    }
}
