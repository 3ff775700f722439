using JasperFx.Events;
using Marten;

namespace Fachwerk.Application.Letters;

/// <summary>The application's events, and the parties' streams if they were read with them.</summary>
public sealed record LetterSources(IReadOnlyList<IEvent> Application, LetterSources.PreloadedParties? Parties)
{
    /// <summary>
    /// The applicant and the programme as their streams stood at <paramref name="at"/>: from the streams read with the
    /// application's if they are the application's own, otherwise read now.
    /// </summary>
    public Task<LetterParties> PartiesAsync(IQuerySession session, Guid applicantId, DateTimeOffset at, Guid programmeId, CancellationToken cancellation) =>
        Parties is { } p && p.ApplicantId == applicantId && p.ProgrammeId == programmeId
            ? Task.FromResult(LetterParties.From(p.Applicant.Where(e => e.Timestamp <= at), p.Launch))
            : LetterParties.LoadAsync(session, applicantId, at, programmeId, cancellation);

    /// <summary>The applicant's whole stream and the programme's first event, read with the application's events.</summary>
    public sealed record PreloadedParties(Guid ApplicantId, IReadOnlyList<IEvent> Applicant, Guid ProgrammeId, IReadOnlyList<IEvent> Launch);
}
