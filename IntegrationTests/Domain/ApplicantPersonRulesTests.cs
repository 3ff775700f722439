using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Organisations;
using Fachwerk.Domain.Pilots;
using Fachwerk.Domain.Programmes;
using static Fachwerk.IntegrationTests.Domain.ApplicationWorld;

namespace Fachwerk.IntegrationTests.Domain;

/// <summary>Natural persons as applicants (ADR 0123): who may apply, and when their personal data may be erased.</summary>
public class ApplicantPersonRulesTests
{
    private static readonly Guid Subject = Guid.NewGuid();
    private static readonly SealedPersonalData Sealed = new(Subject, "A256GCM", "bm9uY2U=", "c2VhbGVk");

    private static FundingProgramme DoctorRecruitment(params PersonApplicantKind[] kinds)
    {
        var programme = Programme();
        return kinds.Length == 0
            ? programme
            : FundingProgramme.Evolve(programme, new ProgrammePersonApplicantsSet(programme.Id, kinds, 10, "admin", Now));
    }

    private static FundingApplication PersonCase(int retentionYears, params object[] later)
    {
        var programme = DoctorRecruitment(PersonApplicantKind.MedicalStudent);
        var drafted = Drafted(Alliance(), programme) with { ApplicantId = Subject, ApplicantName = ApplicantPersonDecider.RecordName };
        return Given.History<FundingApplication>(
        [
            drafted,
            new ApplicantPersonNamed(AppId, Subject, PersonApplicantKind.MedicalStudent, Sealed, retentionYears, "lena", Now),
            .. later,
        ]);
    }

    private static ApplicationWithdrawn WithdrawnOn(DateTimeOffset at) => new(AppId, ApplicationStatus.Draft, "Studies ended", "lena", at);

    private static Stamp On(DateOnly day) => new("sabine", new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));

    [Fact]
    public void A_person_of_a_kind_the_programme_funds_applies_under_a_neutral_record_with_sealed_data_only()
    {
        var programme = DoctorRecruitment(PersonApplicantKind.MedicalStudent, PersonApplicantKind.Doctor);

        var (record, drafted, named) = ApplicantPersonDecider.Draft(AppId, Subject, PersonApplicantKind.MedicalStudent, Sealed, programme,
            Alliance(), "Halle (Saale)", Plan(), Applicant);

        (record.OrganisationId, record.Name, record.Kind, record.Town)
            .ShouldBe((Subject, ApplicantPersonDecider.RecordName, OrganisationKind.NaturalPerson, "Halle (Saale)"));
        (drafted.ApplicantId, drafted.ApplicantName).ShouldBe((Subject, ApplicantPersonDecider.RecordName));
        (named.SubjectId, named.Kind, named.PersonalData, named.RetentionYears).ShouldBe((Subject, PersonApplicantKind.MedicalStudent, Sealed, 10));
        var application = Given.History<FundingApplication>(drafted, named);
        application.ApplicantPerson.ShouldBe(new ApplicantPerson(Subject, PersonApplicantKind.MedicalStudent, Sealed, 10));
    }

    [Fact]
    public void A_programme_that_funds_no_persons_or_not_this_kind_refuses_the_person()
    {
        Given.Refusal(() => ApplicantPersonDecider.EnsureMayApply(DoctorRecruitment(), PersonApplicantKind.Doctor))
            .Code.ShouldBe("application.persons-not-eligible");
        Given.Refusal(() => ApplicantPersonDecider.EnsureMayApply(DoctorRecruitment(PersonApplicantKind.MedicalStudent), PersonApplicantKind.Doctor))
            .Code.ShouldBe("application.person-kind-not-eligible");
    }

    [Fact]
    public void A_programme_states_the_kinds_and_a_retention_of_up_to_thirty_years_and_records_nothing_unchanged()
    {
        var programme = Programme();
        var set = ApplicantPersonDecider_Set(programme, [PersonApplicantKind.Doctor, PersonApplicantKind.MedicalStudent, PersonApplicantKind.Doctor], 10)
            .ShouldHaveSingleItem().ShouldBeOfType<ProgrammePersonApplicantsSet>();
        set.Kinds.ShouldBe([PersonApplicantKind.MedicalStudent, PersonApplicantKind.Doctor]);
        var after = FundingProgramme.Evolve(programme, set);
        after.PersonApplicants.Allow(PersonApplicantKind.Doctor).ShouldBeTrue();

        ApplicantPersonDecider_Set(after, [PersonApplicantKind.MedicalStudent, PersonApplicantKind.Doctor], 10).ShouldBeEmpty();
        Given.Refusal(() => ApplicantPersonDecider_Set(programme, [PersonApplicantKind.Doctor], 31)).Code.ShouldBe("programme.retention-out-of-range");
        Programme().PersonApplicants.Any.ShouldBeFalse("programmes that never said fund organisations only");
    }

    private static IReadOnlyList<object> ApplicantPersonDecider_Set(FundingProgramme programme, PersonApplicantKind[] kinds, int years) =>
        ProgrammeDecider.SetPersonApplicants(programme, kinds, years, Given.Stamp);

    [Fact]
    public void The_data_are_kept_while_the_case_runs()
    {
        var refusal = Given.Refusal(() => ApplicantPersonDecider.Erase(PersonCase(10), ErasureGround.ConsentWithdrawn, new DateOnly(2026, 3, 2), null,
            On(new DateOnly(2026, 3, 2))));

        refusal.Code.ShouldBe("application.person-data-retained");
        refusal.Message.ShouldContain("while the case runs");
    }

    [Fact]
    public void After_the_case_ended_the_data_are_kept_for_the_retention_period_and_erasable_the_day_after()
    {
        var application = PersonCase(2, WithdrawnOn(new DateTimeOffset(2026, 5, 10, 14, 0, 0, TimeSpan.Zero)));
        application.EndedAt.ShouldBe(new DateTimeOffset(2026, 5, 10, 14, 0, 0, TimeSpan.Zero));
        ApplicantPersonDecider.ErasableFrom(application).ShouldBe(new DateOnly(2028, 5, 11));

        var refusal = Given.Refusal(() => ApplicantPersonDecider.Erase(application, ErasureGround.NoLongerNecessary, new DateOnly(2028, 5, 1), null,
            On(new DateOnly(2028, 5, 10))));
        refusal.Code.ShouldBe("application.person-data-retained");
        refusal.Message.ShouldContain("from 2028-05-11");

        var erased = ApplicantPersonDecider.Erase(application, ErasureGround.NoLongerNecessary, new DateOnly(2028, 5, 1), " DSGVO-2028-3 ",
            On(new DateOnly(2028, 5, 11)));
        (erased.SubjectId, erased.RequestReference).ShouldBe((Subject, "DSGVO-2028-3"));
        var after = FundingApplication.Evolve(application, erased);
        after.ApplicantPerson!.PersonalData.ShouldBeNull();
        after.ApplicantPerson.Erased.ShouldBeTrue();
        after.Status.ShouldBe(ApplicationStatus.Withdrawn);
        Given.Refusal(() => ApplicantPersonDecider.Erase(after, ErasureGround.NoLongerNecessary, new DateOnly(2028, 5, 1), null,
            On(new DateOnly(2028, 5, 12)))).Code.ShouldBe("application.applicant-person-erased");
    }

    [Fact]
    public void A_legal_hold_keeps_the_data_until_its_day_even_after_the_retention_period()
    {
        var hold = ApplicantPersonDecider.PlaceLegalHold(PersonCase(0), new DateOnly(2027, 6, 30), " Audit of the court of auditors ", On(new DateOnly(2026, 6, 1)));
        hold.LegalBasis.ShouldBe("Audit of the court of auditors");
        var application = PersonCase(0, WithdrawnOn(new DateTimeOffset(2026, 5, 10, 14, 0, 0, TimeSpan.Zero)), hold);

        var refusal = Given.Refusal(() => ApplicantPersonDecider.Erase(application, ErasureGround.ConsentWithdrawn, new DateOnly(2026, 7, 1), null,
            On(new DateOnly(2027, 6, 30))));
        refusal.Code.ShouldBe("application.legal-hold");
        refusal.Message.ShouldContain("from 2027-07-01");
        ApplicantPersonDecider.Erase(application, ErasureGround.ConsentWithdrawn, new DateOnly(2026, 7, 1), null, On(new DateOnly(2027, 7, 1)))
            .SubjectId.ShouldBe(Subject);
        Given.Refusal(() => ApplicantPersonDecider.PlaceLegalHold(application, new DateOnly(2026, 5, 31), "x", On(new DateOnly(2026, 6, 1))))
            .Code.ShouldBe("application.legal-hold-past");
    }

    [Fact]
    public void A_lifted_legal_hold_no_longer_keeps_the_data_and_only_a_standing_hold_can_be_lifted()
    {
        // Given a case that ended with no retention, under a hold until mid-2027
        var held = PersonCase(0, WithdrawnOn(new DateTimeOffset(2026, 5, 10, 14, 0, 0, TimeSpan.Zero)),
            new CaseLegalHoldPlaced(AppId, new DateOnly(2027, 6, 30), "Audit of the court of auditors", "sabine", Now));

        // When the caseworker lifts it because the audit ended early
        var lifted = ApplicantPersonDecider.LiftLegalHold(held, " Audit closed early ", On(new DateOnly(2026, 9, 1)));

        // Then the reason is recorded, the hold is gone and the data can be erased before its former day
        (lifted.Reason, lifted.RecordedBy).ShouldBe(("Audit closed early", "sabine"));
        var after = FundingApplication.Evolve(held, lifted);
        after.LegalHold.ShouldBeNull();
        ApplicantPersonDecider.Erase(after, ErasureGround.ConsentWithdrawn, new DateOnly(2026, 9, 1), null, On(new DateOnly(2026, 9, 2)))
            .SubjectId.ShouldBe(Subject);
        Given.Refusal(() => ApplicantPersonDecider.LiftLegalHold(after, "again", On(new DateOnly(2026, 9, 2)))).Code.ShouldBe("application.no-legal-hold");
    }

    [Fact]
    public void An_organisations_case_has_no_person_to_erase_and_a_request_cannot_lie_ahead()
    {
        var organisations = Given.History<FundingApplication>(Drafted(Alliance(), Programme()), WithdrawnOn(Now));
        Given.Refusal(() => ApplicantPersonDecider.Erase(organisations, ErasureGround.ConsentWithdrawn, new DateOnly(2026, 3, 2), null, Given.Stamp))
            .Code.ShouldBe("application.no-applicant-person");
        Given.Refusal(() => ApplicantPersonDecider.Erase(PersonCase(0, WithdrawnOn(Now)), ErasureGround.ConsentWithdrawn, new DateOnly(2026, 3, 9), null,
            On(new DateOnly(2026, 3, 3)))).Code.ShouldBe("application.request-in-future");
    }
}
