using System.Collections.Immutable;
using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Network.Cohorts;

/// <summary>A participant as the rules need them: no personal data.</summary>
public sealed record CohortMember(Guid Id, DateOnly EnrolledOn, bool PersonalDataErased);

/// <summary>
/// Write model of one run (cohort) of a programme of people, e.g. a leadership programme: its participants and sessions are
/// entities inside its stream; the final presentation completes it.
/// </summary>
public sealed record Cohort(
    Guid Id,
    string Programme,
    int Run,
    Period Period,
    ImmutableDictionary<Guid, CohortMember> Participants,
    ImmutableList<DateOnly> Sessions,
    DateOnly? FinalPresentationOn) : IEventSourced<Cohort>
{
    /// <summary>How the cohort is called: the programme and the run.</summary>
    public string Title => $"{Programme} (run {Run})";

    public static Cohort Evolve(Cohort? cohort, object @event) => (cohort, @event) switch
    {
        (null, CohortOpened opened) => new Cohort(opened.CohortId, opened.Programme, opened.Run, opened.Period,
            ImmutableDictionary<Guid, CohortMember>.Empty, [], null),
        (null, _) => throw new UnexpectedFirstEventException(typeof(Cohort), @event),
        (_, CohortParticipantEnrolled enrolled) => cohort with
        {
            Participants = cohort.Participants.SetItem(enrolled.ParticipantId, new CohortMember(enrolled.ParticipantId, enrolled.EnrolledOn, false)),
        },
        (_, CohortParticipantDataErased erased) => cohort with
        {
            Participants = cohort.Participants.SetItem(erased.ParticipantId, cohort.Participants[erased.ParticipantId] with { PersonalDataErased = true }),
        },
        (_, CohortSessionHeld held) => cohort with { Sessions = cohort.Sessions.Add(held.HeldOn) },
        (_, CohortFinalPresentationHeld presented) => cohort with { FinalPresentationOn = presented.HeldOn },
        _ => cohort,
    };
}
