using Marten;

namespace Fachwerk.Application.Audit;

/// <summary>
/// Extension point of the case file: another part of Fachwerk adds a section to every application's case file by
/// implementing this interface anywhere in the Application assembly (it is found and registered at start-up). Payments, proofs
/// of use and reclaims plug in here (<see cref="PaymentsCaseFileSection"/>), and so does the conversation; an expected section nobody registered is named
/// in the case file as not covered.
/// </summary>
public interface ICaseFileSection
{
    /// <summary>The section's key in case-file.json (e.g. <c>payments</c>).</summary>
    string Key { get; }

    Label Title { get; }

    /// <summary>The section's content for one application (serialized to JSON, shown formatted in the HTML); null leaves it out.</summary>
    Task<object?> BuildAsync(Guid applicationId, IQuerySession session, CancellationToken cancellation);
}

/// <summary>The registered case-file sections.</summary>
public sealed class CaseFileSections(IEnumerable<ICaseFileSection> sections)
{
    /// <summary>The key the payments section (payment requests, payments released, proofs of use) is expected under.</summary>
    public const string Payments = "payments";

    /// <summary>The key of the conversation's section (messages and internal notes).</summary>
    public const string Conversation = "conversation";

    /// <summary>Sections a complete case file has; the ones nobody registered yet are listed as not covered.</summary>
    public static readonly IReadOnlyList<string> Expected = [Conversation, Payments];

    public IReadOnlyList<ICaseFileSection> All { get; } = [.. sections.OrderBy(s => s.Key, StringComparer.Ordinal)];

    public IReadOnlyList<string> NotCovered => [.. Expected.Where(key => All.All(s => s.Key != key))];
}
