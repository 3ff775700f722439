namespace Fachwerk.Domain.Applications;

/// <summary>
/// The four-eyes rule for payments. One person alone (who both checked and released a payment) may pay out at most the
/// threshold on one application, counted over all payments of that application: splitting a sum into payments under the
/// threshold does not get around it. Beyond it, someone other than the checker releases.
/// </summary>
public static class PaymentFourEyes
{
    /// <summary>What <paramref name="person"/> has released on this application of payments they had also checked themselves.</summary>
    public static decimal PaidAlone(Funding funding, string person) =>
        funding.PaymentRequests
            .Where(r => r.Status == PaymentRequestStatus.Released && SamePerson(r.CheckedBy, person) && SamePerson(r.ReleasedBy, person))
            .Sum(r => r.Amount);

    /// <summary>
    /// Whether releasing <paramref name="request"/> needs someone other than <paramref name="releaser"/>: they checked it, and with
    /// what they paid alone before, it would take them above <paramref name="threshold"/>.
    /// </summary>
    public static bool NeedsSecondPerson(Funding funding, PaymentRequestState request, string releaser, decimal threshold) =>
        SamePerson(request.CheckedBy, releaser) && PaidAlone(funding, releaser) + request.Amount > threshold;

    /// <summary>User ids are compared as the identity provider may spell them: without regard to case.</summary>
    public static bool SamePerson(string? one, string? other) => one is not null && string.Equals(one, other, StringComparison.OrdinalIgnoreCase);
}
