namespace Fachwerk.Domain.Pilots;

/// <summary>
/// What a pilot spends money on, as a financing plan groups it. A funding source may pay only some categories (ADR 0124).
/// Stored by name, so new categories go at the end.
/// </summary>
public enum PilotCostCategory
{
    /// <summary>The pilot's own staff (Personalkosten).</summary>
    Staff,

    /// <summary>Services bought from others: language courses, interpreters, trainers (Honorare, Fremdleistungen).</summary>
    ExternalServices,

    /// <summary>Travel, e.g. to the partners abroad (Reisekosten).</summary>
    Travel,

    /// <summary>Rooms, equipment and material (Sachkosten).</summary>
    Material,

    /// <summary>Flyers, events, the website (Öffentlichkeitsarbeit).</summary>
    PublicRelations,

    Other,
}
