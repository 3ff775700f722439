using Fachwerk.Application.Pilots;
using Fachwerk.Web.Forms;

namespace Fachwerk.Web.Pilots.Actions;

/// <summary>The personal data of a participant as a form takes them (enrolment, correction); sealed by the API, never stored in the UI.</summary>
public class PersonalDataInput : ActionInput
{
    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string? Nationality { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }

    /// <summary>The command's personal data; a missing birth date goes as the API's "none" (its validator names it).</summary>
    public ParticipantPersonalData PersonalData() => new(
        GivenName?.Trim() ?? "", FamilyName?.Trim() ?? "", BirthDate ?? default, Nationality?.Trim().ToUpperInvariant() ?? "",
        string.IsNullOrWhiteSpace(Email) ? null : Email.Trim(), string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim());

    public void Fill(ParticipantPersonalData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        GivenName = data.GivenName;
        FamilyName = data.FamilyName;
        BirthDate = data.BirthDate;
        Nationality = data.Nationality;
        Email = data.Email;
        Phone = data.Phone;
    }

    /// <summary>Maps the command's <c>personalData.*</c> paths to the fields <see cref="PersonalDataFields"/> renders.</summary>
    public FieldMap Map(FieldMap map, Func<string, string> fieldId)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(fieldId);
        return map
            .Map("personalData.givenName", () => GivenName, fieldId("givenName"), "pilots.participant.givenName")
            .Map("personalData.familyName", () => FamilyName, fieldId("familyName"), "pilots.participant.familyName")
            .Map("personalData.birthDate", () => BirthDate, fieldId("birthDate"), "pilots.participant.birthDate")
            .Map("personalData.nationality", () => Nationality, fieldId("nationality"), "pilots.participant.nationality")
            .Map("personalData.email", () => Email, fieldId("email"), "pilots.participant.email")
            .Map("personalData.phone", () => Phone, fieldId("phone"), "pilots.participant.phone")
            .Map("personalData", () => GivenName, fieldId("givenName"), "pilots.participant.givenName");
    }
}
