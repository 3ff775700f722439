using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.People;

/// <summary>Pure decisions on a person's bindings; <c>person</c> is null while nothing is recorded for them yet.</summary>
public static class PersonDecider
{
    /// <summary>An administrator binds the person, with the reason.</summary>
    public static BindingGranted Grant(Person? person, string userId, Binding binding, string reason, Stamp stamp)
    {
        if (person?.Holds(binding) == true)
            throw new RuleViolation("person.already-bound", $"{userId} already acts for this {Name(binding.Kind)}.");
        return new BindingGranted(Person.IdOf(userId), userId, binding.Kind, binding.TargetId, reason.Trim(), stamp.By, stamp.At);
    }

    /// <summary>
    /// An administrator ends a binding, with the reason: a recorded one, or one the identity provider's tokens claim (from then on
    /// the claim is not believed).
    /// </summary>
    public static BindingRevoked Revoke(Person? person, string userId, Binding binding, string reason, Stamp stamp)
    {
        if (person is not null && person.Revoked.Contains(binding))
            throw new RuleViolation("person.already-revoked", $"{userId}'s binding to this {Name(binding.Kind)} is revoked already.");
        return new BindingRevoked(Person.IdOf(userId), userId, binding.Kind, binding.TargetId, reason.Trim(), stamp.By, stamp.At);
    }

    /// <summary>The project lead who launches a pilot leads it from then on; nothing when that is recorded already.</summary>
    public static IReadOnlyList<object> BindLaunchingLead(Person? person, string userId, Guid pilotId, Stamp stamp) =>
        person?.Holds(new Binding(BindingKind.Pilot, pilotId)) == true
            ? []
            : [new BindingGranted(Person.IdOf(userId), userId, BindingKind.Pilot, pilotId, "Launched the pilot project", stamp.By, stamp.At)];

    /// <summary>A natural person who applies acts for their own applicant record from then on (ADR 0123).</summary>
    public static BindingGranted BindApplicantPerson(string userId, Guid applicantRecordId, Stamp stamp) =>
        new(Person.IdOf(userId), userId, BindingKind.Organisation, applicantRecordId, "Applies as a natural person", stamp.By, stamp.At);

    private static string Name(BindingKind kind) => kind switch
    {
        BindingKind.Organisation => "organisation",
        BindingKind.Alliance => "alliance",
        _ => "pilot project",
    };
}
