namespace Fachwerk.Domain.Network.Cooperation;

/// <summary>What a cooperation agreement is concluded with: subject, parties, day of conclusion and term.</summary>
public sealed record AgreementTerms(string Subject, IReadOnlyList<NetworkParty> Parties, DateOnly ConcludedOn, DateOnly ValidFrom, DateOnly? ValidUntil);
