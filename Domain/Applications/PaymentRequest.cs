namespace Fachwerk.Domain.Applications;

/// <summary>
/// A recipient's request for money (Mittelabruf): how much, for needs due by when, and how much own and third-party money
/// has been spent so far (cumulative), against which the funding rate allows public money.
/// </summary>
public sealed record PaymentRequest(decimal Amount, DateOnly NeededBy, decimal OwnAndThirdPartySpent);
