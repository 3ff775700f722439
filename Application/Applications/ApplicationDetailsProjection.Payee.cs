using Fachwerk.Domain.Applications;
using JasperFx.Events;

namespace Fachwerk.Application.Applications;

/// <summary>The account the grant is paid into, and a proposed one waiting for its confirmation (ADR 0084).</summary>
public sealed partial class ApplicationDetailsProjection
{
    public static ApplicationDetails Apply(IEvent<PayeeAccountProposed> e, ApplicationDetails a) =>
        Touched(e, a) with
        {
            // A natural person's account stays sealed here too: the read model holds no plaintext of theirs (ADR 0084).
            ProposedPayeeAccount = e.Data.SealedAccount is { } sealedAccount
                ? new PayeeAccountRecord(e.Data.ProposalNumber, "", false, null, "", null, e.Data.RecordedBy, e.Timestamp, Sealed: sealedAccount)
                : new PayeeAccountRecord(e.Data.ProposalNumber, Iban.Recorded(e.Data.Iban!).Formatted, false, e.Data.Bic,
                    e.Data.Holder!, e.Data.Reason, e.Data.RecordedBy, e.Timestamp),
        };

    public static ApplicationDetails Apply(IEvent<PayeeAccountConfirmed> e, ApplicationDetails a) =>
        a.ProposedPayeeAccount is { } proposed && proposed.Number == e.Data.ProposalNumber
            ? Touched(e, a) with { PayeeAccount = proposed with { ConfirmedBy = e.Data.RecordedBy, ConfirmedAt = e.Timestamp }, ProposedPayeeAccount = null }
            : Touched(e, a);
}
