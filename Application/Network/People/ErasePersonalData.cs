using System.Text.Json.Serialization;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Network;
using Fachwerk.Domain.Pilots;
using FluentValidation;

namespace Fachwerk.Application.Network.People;

/// <summary>
/// What every erasure of a person's personal data on request (GDPR Art. 17) says: the ground, the day of the request and its
/// file number (never a name). The erasure is recorded (who, when, ground) and the person's key destroyed in the same
/// transaction; what the person did stays as history. Each kind of person has its own command, so that each operation has
/// its own name.
/// </summary>
/// <param name="LegalBasis">The ground for erasure under GDPR Art. 17(1).</param>
/// <param name="RequestedOn">The day the person asked for erasure.</param>
/// <param name="RequestReference">The file number of the request, e.g. DSGVO-2026-014; never a name.</param>
public abstract record ErasePersonalData(long ExpectedVersion, ErasureGround LegalBasis, DateOnly RequestedOn, string? RequestReference) : IChangeCommand
{
    [JsonIgnore]
    public string? Reason => null;

    [JsonIgnore]
    public ErasureRequest Request => new(LegalBasis, RequestedOn, RequestReference);
}

/// <summary>Erases a contact person's personal data on request (GDPR Art. 17).</summary>
/// <param name="LegalBasis">The ground for erasure under GDPR Art. 17(1).</param>
/// <param name="RequestedOn">The day the person asked for erasure.</param>
/// <param name="RequestReference">The file number of the request, e.g. DSGVO-2026-014; never a name.</param>
public sealed record EraseContactPersonData(long ExpectedVersion, ErasureGround LegalBasis, DateOnly RequestedOn, string? RequestReference = null)
    : ErasePersonalData(ExpectedVersion, LegalBasis, RequestedOn, RequestReference);

/// <summary>Erases a registrant's personal data on request (GDPR Art. 17).</summary>
/// <param name="LegalBasis">The ground for erasure under GDPR Art. 17(1).</param>
/// <param name="RequestedOn">The day the person asked for erasure.</param>
/// <param name="RequestReference">The file number of the request, e.g. DSGVO-2026-014; never a name.</param>
public sealed record EraseRegistrantData(long ExpectedVersion, ErasureGround LegalBasis, DateOnly RequestedOn, string? RequestReference = null)
    : ErasePersonalData(ExpectedVersion, LegalBasis, RequestedOn, RequestReference);

/// <summary>Erases a speaker's personal data on request (GDPR Art. 17).</summary>
/// <param name="LegalBasis">The ground for erasure under GDPR Art. 17(1).</param>
/// <param name="RequestedOn">The day the person asked for erasure.</param>
/// <param name="RequestReference">The file number of the request, e.g. DSGVO-2026-014; never a name.</param>
public sealed record EraseSpeakerData(long ExpectedVersion, ErasureGround LegalBasis, DateOnly RequestedOn, string? RequestReference = null)
    : ErasePersonalData(ExpectedVersion, LegalBasis, RequestedOn, RequestReference);

/// <summary>Erases a cohort participant's personal data on request (GDPR Art. 17).</summary>
/// <param name="LegalBasis">The ground for erasure under GDPR Art. 17(1).</param>
/// <param name="RequestedOn">The day the person asked for erasure.</param>
/// <param name="RequestReference">The file number of the request, e.g. DSGVO-2026-014; never a name.</param>
public sealed record EraseCohortParticipantData(long ExpectedVersion, ErasureGround LegalBasis, DateOnly RequestedOn, string? RequestReference = null)
    : ErasePersonalData(ExpectedVersion, LegalBasis, RequestedOn, RequestReference);

/// <summary>The rules every erasure follows.</summary>
public abstract class ErasePersonalDataValidator<T> : AbstractValidator<T> where T : ErasePersonalData
{
    protected ErasePersonalDataValidator()
    {
        this.ExpectedVersionRule();
        RuleFor(x => x.LegalBasis).IsInEnum();
        RuleFor(x => x.RequestedOn).PlausibleDate();
        RuleFor(x => x.RequestReference).MaximumLength(50).Matches("^[A-Za-z0-9][A-Za-z0-9._/-]*$")
            .WithMessage("A request reference is a file number (letters, digits, . _ / -), not a name.");
    }
}

public sealed class EraseContactPersonDataValidator : ErasePersonalDataValidator<EraseContactPersonData>;

public sealed class EraseRegistrantDataValidator : ErasePersonalDataValidator<EraseRegistrantData>;

public sealed class EraseSpeakerDataValidator : ErasePersonalDataValidator<EraseSpeakerData>;

public sealed class EraseCohortParticipantDataValidator : ErasePersonalDataValidator<EraseCohortParticipantData>;
