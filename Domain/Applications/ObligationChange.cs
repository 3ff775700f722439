namespace Fachwerk.Domain.Applications;

/// <summary>An amendment replaces the terms of obligation <paramref name="Number"/> with <paramref name="Terms"/> (ADR 0129).</summary>
/// <param name="Number">The number of an obligation of the grant, neither breached nor lifted.</param>
/// <param name="Terms">Its terms as amended: the same rules as for a new obligation.</param>
public sealed record ObligationChange(int Number, ObligationTerms Terms);
