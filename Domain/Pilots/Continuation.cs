namespace Fachwerk.Domain.Pilots;

/// <summary>How a pilot goes on after its phase: continue (until when) or end, with the reasons, decided on a day.</summary>
public sealed record Continuation(ContinuationDecision Decision, IReadOnlyList<string> Reasons, DateOnly DecidedOn, DateOnly? ContinuedUntil);
