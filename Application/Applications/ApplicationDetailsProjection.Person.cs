using Fachwerk.Domain.Applications;
using JasperFx.Events;

namespace Fachwerk.Application.Applications;

/// <summary>The natural person who applies (without their data) and the case's legal hold (ADR 0123).</summary>
public sealed partial class ApplicationDetailsProjection
{
    public static ApplicationDetails Apply(IEvent<ApplicantPersonNamed> e, ApplicationDetails a) =>
        Touched(e, a) with { ApplicantPerson = new ApplicantPersonFacts(e.Data.Kind, false) };

    public static ApplicationDetails Apply(IEvent<ApplicantPersonDataErased> e, ApplicationDetails a) =>
        Touched(e, a) with
        {
            ApplicantPerson = a.ApplicantPerson is { } person ? person with { Erased = true } : null,
            // The person's payee accounts were sealed with the key just destroyed (ADR 0084).
            PayeeAccount = a.PayeeAccount?.AsErased(),
            ProposedPayeeAccount = a.ProposedPayeeAccount?.AsErased(),
        };

    public static ApplicationDetails Apply(IEvent<CaseLegalHoldPlaced> e, ApplicationDetails a) => Touched(e, a) with { LegalHoldUntil = e.Data.HeldUntil };

    public static ApplicationDetails Apply(IEvent<CaseLegalHoldLifted> e, ApplicationDetails a) => Touched(e, a) with { LegalHoldUntil = null };

    // The obligations are read from the write model for now (ADR 0123); their events keep the version current for the next command.
    public static ApplicationDetails Apply(IEvent<ObligationImposed> e, ApplicationDetails a) => Touched(e, a);

    public static ApplicationDetails Apply(IEvent<ObligationEvidenceRecorded> e, ApplicationDetails a) => Touched(e, a);

    public static ApplicationDetails Apply(IEvent<ObligationEvidenceOverdue> e, ApplicationDetails a) => Touched(e, a);

    public static ApplicationDetails Apply(IEvent<ObligationBreached> e, ApplicationDetails a) => Touched(e, a);
}
