using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Network.Actors;

/// <summary>Pure decisions for network actors: given the state and an intent, the events to append, or a <see cref="RuleViolation"/>.</summary>
public static class ActorDecider
{
    public static NetworkActorEstablished Establish(Guid actorId, ActorCharter charter, Stamp stamp)
    {
        var areas = charter.Areas.Select(a => a with { District = string.IsNullOrWhiteSpace(a.District) ? null : a.District.Trim() }).ToList();
        if (charter.Nationwide == (areas.Count > 0))
            throw new RuleViolation("actor.coverage", "An actor covers either the whole country or a set of areas (districts or states), not both or neither.");
        var twice = areas.GroupBy(a => (a.FederalState, District: a.District?.ToUpperInvariant())).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw new RuleViolation("actor.duplicate-area", $"{twice.Key.District ?? "The whole state"} ({twice.Key.FederalState}) is listed more than once.");
        var covered = areas.FirstOrDefault(a => a.District is not null && areas.Any(s => s.District is null && s.FederalState == a.FederalState));
        if (covered is not null)
            throw new RuleViolation("actor.duplicate-area", $"'{covered.District}' lies in {covered.FederalState}, which is listed as a whole.");
        if (charter.Kind == ActorKind.LabourMarketCircle && (areas.Count == 0 || areas.Any(a => a.District is null)))
            throw new RuleViolation("actor.circle-without-district", "A labour-market circle works for named districts.");

        return new NetworkActorEstablished(actorId, charter.Name.Trim(), charter.Kind, charter.CoordinatingOffice.Trim(),
            string.IsNullOrWhiteSpace(charter.Purpose) ? null : charter.Purpose.Trim(), charter.Nationwide, areas, charter.AllianceId,
            charter.ProgrammeId, charter.EstablishedOn, stamp.By, stamp.At);
    }

    public static ActorMemberJoined AdmitMember(NetworkActor actor, NetworkParty member, MemberRole role, DateOnly joinedOn, Stamp stamp)
    {
        if (member.Id == actor.Id)
            throw new RuleViolation("actor.self-member", $"'{actor.Name}' cannot be a member of itself.");
        if (actor.Members.TryGetValue(member.Id, out var existing))
            throw new RuleViolation("actor.already-member",
                $"'{existing.Party.Name}' has been a member of '{actor.Name}' since {existing.JoinedOn:yyyy-MM-dd} ({existing.Role}).");
        NetworkRules.EnsureNotBefore(joinedOn, actor.EstablishedOn, "actor.joined-before-establishment", "Joining");
        NetworkRules.EnsureNotInFuture(joinedOn, stamp, "actor.date-in-future");

        return new ActorMemberJoined(actor.Id, member, role, joinedOn, stamp.By, stamp.At);
    }

    public static ActorMemberLeft RecordLeaving(NetworkActor actor, Guid memberId, DateOnly leftOn, string? reason, Stamp stamp)
    {
        if (!actor.Members.TryGetValue(memberId, out var member))
            throw new UnknownEntity("actor.unknown-member", $"{memberId} is not a member of '{actor.Name}'.");
        NetworkRules.EnsureNotBefore(leftOn, member.JoinedOn, "actor.left-before-joining", "Leaving");
        NetworkRules.EnsureNotInFuture(leftOn, stamp, "actor.date-in-future");

        return new ActorMemberLeft(actor.Id, memberId, leftOn, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), stamp.By, stamp.At);
    }

    /// <summary>Names a contact person; their personal data are already sealed with their own key.</summary>
    public static ContactPersonNamed NameContactPerson(
        NetworkActor actor, Guid contactPersonId, string? organisation, DateOnly since, SealedPersonalData personalData, Stamp stamp)
    {
        NetworkRules.EnsureSealedFor(contactPersonId, personalData);
        if (actor.ContactPersons.ContainsKey(contactPersonId))
            throw new RuleViolation("actor.contact-person-already-named", $"Contact person {contactPersonId} is already named.");
        NetworkRules.EnsureNotInFuture(since, stamp, "actor.date-in-future");

        return new ContactPersonNamed(actor.Id, contactPersonId, string.IsNullOrWhiteSpace(organisation) ? null : organisation.Trim(), since,
            personalData, stamp.By, stamp.At);
    }

    /// <summary>Erases a contact person's personal data (the caller destroys the key in the same transaction).</summary>
    public static ContactPersonDataErased EraseContactPerson(NetworkActor actor, Guid contactPersonId, ErasureRequest request, Stamp stamp)
    {
        if (!actor.ContactPersons.TryGetValue(contactPersonId, out var person))
            throw new UnknownEntity("actor.unknown-contact-person", $"{contactPersonId} is not a contact person of '{actor.Name}'.");
        if (person.PersonalDataErased)
            throw new RuleViolation("actor.contact-person-erased", $"The personal data of contact person {contactPersonId} have already been erased.");
        NetworkRules.EnsureNotInFuture(request.RequestedOn, stamp, "actor.date-in-future");

        return new ContactPersonDataErased(actor.Id, contactPersonId, request.LegalBasis, request.RequestedOn, request.Reference, stamp.By, stamp.At);
    }
}
