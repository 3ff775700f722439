using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Organisations;
using Fachwerk.Domain.Pilots;
using Fachwerk.Domain.Programmes;

namespace Fachwerk.Domain.Applications;

/// <summary>
/// Pure decisions on natural persons as applicants (ADR 0123): who may apply, and when their personal data may be erased (after
/// their case ended and the programme's retention period ran out, and not while a legal hold stands: the pilot's rules, ADR 0015).
/// </summary>
public static class ApplicantPersonDecider
{
    /// <summary>The name of a person's applicant record: never their own name, which is personal data and stands only sealed.</summary>
    public const string RecordName = "Natürliche Person";

    /// <summary>
    /// A natural person drafts an application: where the programme funds persons of that kind. Registers their applicant record
    /// (<paramref name="subjectId"/>, also the id of their key; a neutral name and the project's district as its town), drafts the
    /// application for it and names the person with their sealed data.
    /// </summary>
    public static (OrganisationRegistered Record, ApplicationDrafted Drafted, ApplicantPersonNamed Named) Draft(
        Guid applicationId, Guid subjectId, PersonApplicantKind kind, SealedPersonalData personalData, FundingProgramme programme,
        Alliance alliance, string district, ProjectPlan plan, Stamp stamp, IReadOnlyDictionary<string, string?>? extra = null)
    {
        EnsureMayApply(programme, kind);
        if (personalData.SubjectId != subjectId)
            throw new InvalidOperationException($"The personal data are sealed for {personalData.SubjectId}, not {subjectId}.");
        var record = OrganisationDecider.Register(subjectId, RecordName, OrganisationKind.NaturalPerson, district, stamp);
        var drafted = ApplicationDecider.Draft(applicationId, Organisation.Evolve(null, record), programme, alliance, district, plan, stamp, extra);
        return (record, drafted, new ApplicantPersonNamed(applicationId, subjectId, kind, personalData, programme.PersonApplicants.RetentionYears,
            stamp.By, stamp.At));
    }

    /// <summary>Only persons of a kind the programme funds may apply to it; other programmes take organisations only.</summary>
    public static void EnsureMayApply(FundingProgramme programme, PersonApplicantKind kind)
    {
        var rule = programme.PersonApplicants;
        if (!rule.Any)
            throw new RuleViolation("application.persons-not-eligible",
                $"{programme.Name} funds organisations only; natural persons cannot apply to it.");
        if (!rule.Allow(kind))
            throw new RuleViolation("application.person-kind-not-eligible",
                $"{programme.Name} funds natural persons of the kinds {string.Join(", ", rule.Kinds)}, not {kind}.");
    }

    /// <summary>
    /// Places (or replaces) a legal hold on the case's records until a day, with its legal basis (e.g. an audit's retention rule):
    /// until then, the applicant person's data are kept.
    /// </summary>
    public static CaseLegalHoldPlaced PlaceLegalHold(FundingApplication application, DateOnly heldUntil, string legalBasis, Stamp stamp)
    {
        if (heldUntil < Today(stamp))
            throw new RuleViolation("application.legal-hold-past", $"A legal hold lasts until today or later, not until {heldUntil:yyyy-MM-dd}.");
        return new CaseLegalHoldPlaced(application.Id, heldUntil, legalBasis.Trim(), stamp.By, stamp.At);
    }

    /// <summary>Lifts the case's legal hold, with the reason (e.g. the audit ended early); refused when none stands.</summary>
    public static CaseLegalHoldLifted LiftLegalHold(FundingApplication application, string reason, Stamp stamp)
    {
        if (application.LegalHold is null)
            throw new RuleViolation("application.no-legal-hold", $"No legal hold is placed on the records of application {application.Id}.");
        return new CaseLegalHoldLifted(application.Id, reason.Trim(), stamp.By, stamp.At);
    }

    /// <summary>The first day the applicant person's data may be erased: the day after the retention period that began when the case ended.</summary>
    public static DateOnly? ErasableFrom(FundingApplication application) =>
        application is { EndedAt: { } ended, ApplicantPerson: { } person }
            ? AuthorityCalendar.DayOf(ended).AddYears(person.RetentionYears).AddDays(1)
            : null;

    /// <summary>
    /// Erases the applicant person's data on request (GDPR Art. 17); the caller destroys their key in the same transaction. Refused
    /// while the case runs, during the retention period after it ended, and while a legal hold stands (Art. 17(3)(b)).
    /// </summary>
    public static ApplicantPersonDataErased Erase(
        FundingApplication application, ErasureGround legalBasis, DateOnly requestedOn, string? requestReference, Stamp stamp)
    {
        var person = application.ApplicantPerson
                     ?? throw new RuleViolation("application.no-applicant-person", $"Application {application.Id} was made by an organisation, not by a natural person.");
        if (person.Erased)
            throw new RuleViolation("application.applicant-person-erased", $"The applicant person's data of application {application.Id} have already been erased.");
        var today = Today(stamp);
        if (requestedOn > today)
            throw new RuleViolation("application.request-in-future", $"An erasure request dated {requestedOn:yyyy-MM-dd} lies in the future.");
        if (ErasableFrom(application) is not { } from)
            throw new RuleViolation("application.person-data-retained",
                $"Application {application.Id} is still {application.Status}; the applicant person's data are kept while the case runs and " +
                $"for {person.RetentionYears} years after it ended (GDPR Art. 17(3)(b)).");
        if (today < from)
            throw new RuleViolation("application.person-data-retained",
                $"The case ended on {application.EndedAt:yyyy-MM-dd}; the applicant person's data are kept for {person.RetentionYears} years " +
                $"(GDPR Art. 17(3)(b)) and can be erased from {from:yyyy-MM-dd}.");
        if (application.LegalHold is { } hold && today <= hold.HeldUntil)
            throw new RuleViolation("application.legal-hold",
                $"The records of application {application.Id} are under a legal hold until {hold.HeldUntil:yyyy-MM-dd} ({hold.LegalBasis}), " +
                $"placed by {hold.PlacedBy} on {hold.PlacedAt:yyyy-MM-dd}; erasure is possible from {hold.HeldUntil.AddDays(1):yyyy-MM-dd}.");

        return new ApplicantPersonDataErased(application.Id, person.SubjectId, legalBasis, requestedOn,
            string.IsNullOrWhiteSpace(requestReference) ? null : requestReference.Trim(), stamp.By, stamp.At);
    }

    private static DateOnly Today(Stamp stamp) => AuthorityCalendar.DayOf(stamp.At);
}
