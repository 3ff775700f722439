using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Network.Cohorts;

/// <summary>
/// Pure decisions for a cohort of a programme of people. Its sessions and its final presentation fall in its period, are
/// recorded once held (never ahead), and nothing is added after the final presentation.
/// </summary>
public static class CohortDecider
{
    public static CohortOpened Open(Guid cohortId, CohortCharter charter, Stamp stamp)
    {
        if (charter.Period.To < charter.Period.From)
            throw new RuleViolation("cohort.invalid-period", "A cohort's period cannot end before it starts.");
        return new CohortOpened(cohortId, charter.Programme.Trim(), charter.Run, charter.Organiser, charter.Question.Trim(), charter.Period,
            stamp.By, stamp.At);
    }

    /// <summary>Enrols a participant (their data already sealed with their own key) before the cohort's period ends.</summary>
    public static CohortParticipantEnrolled Enrol(
        Cohort cohort, Guid participantId, string organisation, DateOnly enrolledOn, SealedPersonalData personalData, Stamp stamp)
    {
        NetworkRules.EnsureSealedFor(participantId, personalData);
        EnsureNotCompleted(cohort);
        if (cohort.Participants.ContainsKey(participantId))
            throw new RuleViolation("cohort.already-enrolled", $"Participant {participantId} is already enrolled.");
        if (enrolledOn > cohort.Period.To)
            throw new RuleViolation("cohort.enrolled-after-end", $"{cohort.Title} ended on {cohort.Period.To:yyyy-MM-dd}.");
        NetworkRules.EnsureNotInFuture(enrolledOn, stamp, "cohort.date-in-future");

        return new CohortParticipantEnrolled(cohort.Id, participantId, organisation.Trim(), enrolledOn, personalData, stamp.By, stamp.At);
    }

    /// <summary>Records a session held in the cohort's period, attended by participants enrolled by then.</summary>
    public static CohortSessionHeld HoldSession(Cohort cohort, Guid sessionId, DateOnly heldOn, string title, IReadOnlyList<Guid> attendees, Stamp stamp)
    {
        EnsureNotCompleted(cohort);
        EnsureInPeriod(cohort, heldOn, "A session");
        NetworkRules.EnsureNotInFuture(heldOn, stamp, "cohort.date-in-future");
        var listed = attendees.Distinct().ToList();
        if (listed.Count != attendees.Count)
            throw new RuleViolation("cohort.duplicate-attendee", "Each attendee is listed once.");
        foreach (var attendee in listed)
        {
            if (!cohort.Participants.TryGetValue(attendee, out var participant))
                throw new UnknownEntity("cohort.unknown-participant", $"{attendee} is not a participant of {cohort.Title}.");
            if (participant.EnrolledOn > heldOn)
                throw new RuleViolation("cohort.attended-before-enrolment",
                    $"Participant {attendee} enrolled on {participant.EnrolledOn:yyyy-MM-dd}, after the session.");
        }

        return new CohortSessionHeld(cohort.Id, sessionId, heldOn, title.Trim(), listed, stamp.By, stamp.At);
    }

    /// <summary>The final presentation: in the period, after every session; it completes the run.</summary>
    public static CohortFinalPresentationHeld PresentResults(Cohort cohort, DateOnly heldOn, string place, int? guests, Stamp stamp)
    {
        EnsureNotCompleted(cohort);
        EnsureInPeriod(cohort, heldOn, "The final presentation");
        NetworkRules.EnsureNotInFuture(heldOn, stamp, "cohort.date-in-future");
        if (cohort.Sessions.Count == 0)
            throw new RuleViolation("cohort.no-sessions", $"{cohort.Title} has held no session yet.");
        if (cohort.Sessions.Max() > heldOn)
            throw new RuleViolation("cohort.presentation-before-sessions", $"{cohort.Title} held a session on {cohort.Sessions.Max():yyyy-MM-dd}.");

        return new CohortFinalPresentationHeld(cohort.Id, heldOn, place.Trim(), guests, stamp.By, stamp.At);
    }

    /// <summary>Erases a participant's personal data (the caller destroys the key in the same transaction).</summary>
    public static CohortParticipantDataErased EraseParticipant(Cohort cohort, Guid participantId, ErasureRequest request, Stamp stamp)
    {
        var participant = Participant(cohort, participantId);
        if (participant.PersonalDataErased)
            throw new RuleViolation("cohort.participant-erased", $"The personal data of participant {participantId} have already been erased.");
        NetworkRules.EnsureNotInFuture(request.RequestedOn, stamp, "cohort.date-in-future");

        return new CohortParticipantDataErased(cohort.Id, participantId, request.LegalBasis, request.RequestedOn, request.Reference, stamp.By, stamp.At);
    }

    /// <summary>The participants a concept names must be participants of the cohort.</summary>
    public static CohortMember Participant(Cohort cohort, Guid participantId) =>
        cohort.Participants.TryGetValue(participantId, out var participant)
            ? participant
            : throw new UnknownEntity("cohort.unknown-participant", $"{participantId} is not a participant of {cohort.Title}.");

    private static void EnsureInPeriod(Cohort cohort, DateOnly day, string what)
    {
        if (!cohort.Period.Contains(day))
            throw new RuleViolation("cohort.outside-period",
                $"{what} on {day:yyyy-MM-dd} lies outside the period of {cohort.Title} ({cohort.Period.From:yyyy-MM-dd} to {cohort.Period.To:yyyy-MM-dd}).");
    }

    private static void EnsureNotCompleted(Cohort cohort)
    {
        if (cohort.FinalPresentationOn is { } on)
            throw new RuleViolation("cohort.completed", $"{cohort.Title} presented its results on {on:yyyy-MM-dd}; it is complete.");
    }
}
