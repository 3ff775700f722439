namespace Fachwerk.Domain.Applications;

/// <summary>
/// The alliance's vote (Votum) on an application, cast on behalf of one of its member organisations: recommend or not, with
/// reasons and scores per criterion, and the reviewer's declaration that there is no conflict of interest.
/// </summary>
public sealed record Votum(Guid OnBehalfOf, bool Recommends, string Reasons, IReadOnlyDictionary<string, int> Scores, bool DeclaredNoConflictOfInterest);
