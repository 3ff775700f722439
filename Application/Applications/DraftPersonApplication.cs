using System.Security.Claims;
using System.Text.Json.Serialization;
using Fachwerk.Application.Common;
using Fachwerk.Application.Privacy;
using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Organisations;
using Fachwerk.Domain.People;
using Fachwerk.Domain.Programmes;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>
/// The personal data of a natural person who applies (ADR 0123): never in plain text in the event store; sealed with the person's
/// own key before they go into an event, erasable like a pilot participant's (ADR 0015).
/// </summary>
/// <param name="GivenName">The applicant's given name.</param>
/// <param name="FamilyName">The applicant's family name.</param>
/// <param name="BirthDate">The applicant's date of birth.</param>
/// <param name="Street">Street and house number.</param>
/// <param name="PostalCode">The German postal code (five digits).</param>
/// <param name="Town">The town.</param>
/// <param name="Email">An e-mail address.</param>
/// <param name="Phone">A telephone number, if given.</param>
public sealed record ApplicantPersonalData(
    string GivenName,
    string FamilyName,
    DateOnly BirthDate,
    string Street,
    string PostalCode,
    string Town,
    string Email,
    string? Phone = null);

/// <summary>
/// A natural person applies to a programme that funds persons of their kind (e.g. a medical student to a district's doctor-recruitment
/// guideline). Takes no free-text reason: a reason is stored in plain text in the event headers and must not carry personal data.
/// </summary>
/// <param name="ProgrammeId">The funding programme applied to; it must fund persons of <paramref name="Kind"/>.</param>
/// <param name="AllianceId">The alliance whose region the district belongs to.</param>
/// <param name="District">The district the funding is for (e.g. where the person will practise).</param>
/// <param name="Kind">Medical student, doctor, ….</param>
/// <param name="Plan">What is applied for and its financing.</param>
/// <param name="PersonalData">The applicant's personal data; sealed before they are stored, erasable after the retention period.</param>
/// <param name="Extra">Values of the extra fields the programme's application form asks for, by key (ADR 0122; as in DraftApplication).</param>
public sealed record DraftPersonApplication(
    Guid ProgrammeId,
    Guid AllianceId,
    string District,
    PersonApplicantKind Kind,
    ProjectPlan Plan,
    ApplicantPersonalData PersonalData,
    IReadOnlyDictionary<string, string?>? Extra = null) : ICommand
{
    [JsonIgnore]
    public string? Reason => null;
}

public sealed class ApplicantPersonalDataValidator : AbstractValidator<ApplicantPersonalData>
{
    public ApplicantPersonalDataValidator()
    {
        RuleFor(x => x.GivenName).NotEmpty().MaximumLength(CommonRules.ShortTextLength);
        RuleFor(x => x.FamilyName).NotEmpty().MaximumLength(CommonRules.ShortTextLength);
        RuleFor(x => x.BirthDate).InclusiveBetween(new DateOnly(1900, 1, 1), new DateOnly(2100, 12, 31))
            .WithMessage("A birth date after 1900-01-01 is required.");
        RuleFor(x => x.Street).NotEmpty().MaximumLength(CommonRules.ShortTextLength);
        RuleFor(x => x.PostalCode).NotEmpty().Matches("^[0-9]{5}$").WithMessage("A German postal code has five digits.");
        RuleFor(x => x.Town).NotEmpty().MaximumLength(CommonRules.ShortTextLength);
        RuleFor(x => x.Email).NotEmpty().MaximumLength(254).EmailAddress();
        RuleFor(x => x.Phone).MaximumLength(30).Matches(@"^\+?[0-9][0-9 ()/-]{4,29}$")
            .WithMessage("A phone number has digits, spaces and + ( ) / - only.");
    }
}

public sealed class DraftPersonApplicationValidator : AbstractValidator<DraftPersonApplication>
{
    public DraftPersonApplicationValidator()
    {
        RuleFor(x => x.ProgrammeId).NotEmpty();
        RuleFor(x => x.AllianceId).NotEmpty();
        RuleFor(x => x.District).NotEmpty().MaximumLength(CommonRules.ShortTextLength);
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Plan).NotNull().SetValidator(new ProjectPlanValidator());
        RuleFor(x => x.PersonalData).NotNull().SetValidator(new ApplicantPersonalDataValidator());
        RuleFor(x => x.Extra).Must(v => v is null || v.Count <= ApplicationForm.MaxFields).WithMessage($"At most {ApplicationForm.MaxFields} values.");
    }
}

public static class DraftPersonApplicationEndpoint
{
    /// <summary>
    /// A natural person drafts a funding application to a programme that funds persons of their kind; their personal data are sealed
    /// with their own key. Registers their applicant record (which they act for from then on). Answers the new application's id,
    /// version and address, never personal data.
    /// </summary>
    [Authorize(Roles = Roles.Applicant)]
    [DeduplicatedWithResponse(DeduplicationScope.User | DeduplicationScope.Endpoint, Required = false, ClaimInTransaction = true)]
    [WolverinePost("/api/applications/persons")]
    public static (StreamCreated, IStartStream) Post(
        DraftPersonApplication command,
        [ReadAggregate(nameof(DraftPersonApplication.ProgrammeId))] FundingProgramme programme,
        [ReadAggregate(nameof(DraftPersonApplication.AllianceId))] Alliance alliance,
        IDocumentSession session,
        PersonalDataVault vault,
        ApplicationParties parties,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        var stamp = user.Stamp(clock);
        // Refused before anything is sealed: no key is made for a person who may not apply.
        ApplicantPersonDecider.EnsureMayApply(programme, command.Kind);
        var id = Guid.CreateVersion7();
        var subjectId = Guid.CreateVersion7();
        // The new key is stored with the session: it commits with the events, or not at all.
        var personalData = vault.SealForNewSubject(session, subjectId, command.PersonalData);
        var (record, drafted, named) = ApplicantPersonDecider.Draft(id, subjectId, command.Kind, personalData, programme, alliance,
            command.District, command.Plan, stamp, command.Extra);
        session.Events.StartStream<Organisation>(subjectId, record);
        // The person acts for their applicant record from now on, recorded in the same transaction (ADR 0060).
        session.Events.Append(Person.IdOf(stamp.By), PersonDecider.BindApplicantPerson(stamp.By, subjectId, stamp));
        parties.Remember(id, programme.Id, alliance.Id);
        return (new StreamCreated(id, 2, $"/api/applications/{id}"), MartenOps.StartStream<FundingApplication>(id, drafted, named));
    }
}
