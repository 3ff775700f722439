using Fachwerk.Domain.Applications;
using JasperFx.Events;

namespace Fachwerk.Application.Applications;

/// <summary>The natural person who applies (without their data) and the case's legal hold (ADR 0123).</summary>
public sealed partial class ApplicationDetailsProjection
{
    public static ApplicationDetails Apply(IEvent<ApplicantPersonNamed> e, ApplicationDetails a) =>
        Touched(e, a) with { ApplicantPerson = new ApplicantPersonFacts(e.Data.Kind, false) };

    public static ApplicationDetails Apply(IEvent<ApplicantPersonDataErased> e, ApplicationDetails a) =>
        Touched(e, a) with { ApplicantPerson = a.ApplicantPerson is { } person ? person with { Erased = true } : null };

    public static ApplicationDetails Apply(IEvent<CaseLegalHoldPlaced> e, ApplicationDetails a) => Touched(e, a) with { LegalHoldUntil = e.Data.HeldUntil };
}
