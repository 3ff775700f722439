using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Network.Cooperation;

/// <summary>Write model of a cooperation agreement between organisations (or other parties of the network).</summary>
public sealed record CooperationAgreement(
    Guid Id,
    string Subject,
    IReadOnlyList<NetworkParty> Parties,
    DateOnly ValidFrom,
    DateOnly? ValidUntil,
    DateOnly? TerminatedOn) : IEventSourced<CooperationAgreement>
{
    public static CooperationAgreement Evolve(CooperationAgreement? agreement, object @event) => (agreement, @event) switch
    {
        (null, CooperationAgreementConcluded concluded) => new CooperationAgreement(concluded.AgreementId, concluded.Subject, concluded.Parties,
            concluded.ValidFrom, concluded.ValidUntil, null),
        (null, _) => throw new UnexpectedFirstEventException(typeof(CooperationAgreement), @event),
        (_, CooperationAgreementExtended extended) => agreement with { ValidUntil = extended.NewEnd },
        (_, CooperationAgreementTerminated terminated) => agreement with { TerminatedOn = terminated.TerminatedOn },
        _ => agreement,
    };
}
