using Fachwerk.Application.Documents;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Marten;
using Wolverine.Marten;

namespace Fachwerk.Application.Letters;

/// <summary>Issue the decision letter of an approved or rejected application (sent with the decision, ADR 0104).</summary>
/// <remarks>
/// The applicant and the programme are named so that the letter's handler reads their streams with the application's (ADR 0137); a
/// message without them (sent before) still gets its letter, with one more round trip.
/// </remarks>
public sealed record IssueDecisionLetter(Guid ApplicationId, Guid? ApplicantId = null, Guid? ProgrammeId = null);

/// <summary>
/// Renders the decision letter from the events up to the approval or rejection, stores its bytes and appends <c>DocumentAttached</c> (kind
/// decision letter) naming their SHA-256, in one transaction. The message is sent in the approval's own transaction (the outbox), so
/// every approval gets its letter; a redelivery, or a second message, finds the letter attached and does nothing; rebuilding the
/// read models never sends it. The document's id is derived from the application's, so even two racing deliveries name one letter,
/// and the stream's version check lets only one of them append.
/// </summary>
public static class IssueDecisionLetterHandler
{
    public const string Actor = "system:decision-letter";

    /// <summary>What the letter is written from, read in the batch that reads the application's stream.</summary>
    public static LetterReads Load(IssueDecisionLetter issue) =>
        new(issue?.ApplicationId ?? throw new ArgumentNullException(nameof(issue)), issue.ApplicantId, issue.ProgrammeId);

    public static async Task<Events> Handle(
        IssueDecisionLetter issue,
        [WriteAggregate(nameof(IssueDecisionLetter.ApplicationId), Required = false)] FundingApplication? application,
        LetterSources sources,
        IDocumentSession session,
        DocumentContent content,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        if (application is null || application.DecisionLetter is not null) return [];
        if (await DecisionLetterFacts.LoadAsync(session, sources, cancellation) is not { } letter) return [];

        var pdf = DecisionLetterPdf.Render(letter);
        var sha256 = content.Store(session, pdf);
        return [.. ApplicationDecider.AttachDecisionLetter(application,
            new StoredDocument(DocumentIdOf(application.Id), letter.FileName, "application/pdf", pdf.Length, sha256), new Stamp(Actor, clock.GetUtcNow()))];
    }

    /// <summary>The letter's document id, the same for every attempt: an RFC 9562 version 8 UUID from a hash of the application's id.</summary>
    public static Guid DocumentIdOf(Guid applicationId) => DerivedStreamId.Of("decision-letter", applicationId.ToString("D"));
}
