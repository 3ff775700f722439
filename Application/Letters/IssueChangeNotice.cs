using Fachwerk.Application.Documents;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Marten;
using Wolverine.Marten;

namespace Fachwerk.Application.Letters;

/// <summary>Issue the change notice (Änderungsbescheid) of decision version <paramref name="DecisionVersion"/> (sent with its <c>DecisionAmended</c>, ADR 0121).</summary>
/// <remarks>Not called <c>Version</c>: Wolverine would take that for the stream version the aggregate is expected at.
/// The applicant and the programme are named as in <see cref="IssueDecisionLetter"/> (ADR 0137).</remarks>
public sealed record IssueChangeNotice(Guid ApplicationId, int DecisionVersion, Guid? ApplicantId = null, Guid? ProgrammeId = null);

/// <summary>
/// Renders the change notice from the events up to the amended version, stores its bytes and appends <c>DocumentAttached</c> (kind
/// change notice) naming their SHA-256, in one transaction, exactly like <see cref="IssueDecisionLetterHandler"/>: sent in the
/// transaction that puts the version in force (the outbox); a redelivery finds the notice attached (its id is derived from the
/// version) and does nothing; rebuilding the read models never sends it.
/// </summary>
public static class IssueChangeNoticeHandler
{
    public const string Actor = "system:change-notice";

    /// <summary>What the notice is written from, read in the batch that reads the application's stream.</summary>
    public static LetterReads Load(IssueChangeNotice issue) =>
        new(issue?.ApplicationId ?? throw new ArgumentNullException(nameof(issue)), issue.ApplicantId, issue.ProgrammeId);

    public static async Task<Events> Handle(
        IssueChangeNotice issue,
        [WriteAggregate(nameof(IssueChangeNotice.ApplicationId), Required = false)] FundingApplication? application,
        LetterSources sources,
        IDocumentSession session,
        DocumentContent content,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        if (application is null || application.ChangeNotices.Contains(DocumentIdOf(issue.ApplicationId, issue.DecisionVersion))) return [];
        if (await ChangeNoticeFacts.LoadAsync(session, sources, issue.DecisionVersion, cancellation) is not { } notice) return [];

        var pdf = ChangeNoticePdf.Render(notice);
        var sha256 = content.Store(session, pdf);
        return [.. AmendmentDecider.AttachChangeNotice(application, notice.Version,
            new StoredDocument(notice.DocumentId, notice.FileName, "application/pdf", pdf.Length, sha256), new Stamp(Actor, clock.GetUtcNow()))];
    }

    /// <summary>The notice's document id, the same for every attempt: an RFC 9562 version 8 UUID from a hash of the application's id and the version.</summary>
    public static Guid DocumentIdOf(Guid applicationId, int version) => DerivedStreamId.Of("change-notice", $"{applicationId:D}/{version}");
}
