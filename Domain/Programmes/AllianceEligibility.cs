using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Programmes;

/// <summary>Which alliances an application to a programme may name.</summary>
public enum EligibleAlliances
{
    /// <summary>Any alliance that is not dissolved (programmes set up before eligibility was recorded).</summary>
    Any,
    /// <summary>The alliances a state's ministry currently recognizes, e.g. the eight of Lower Saxony.</summary>
    RecognizedInState,
    /// <summary>The alliances listed by id.</summary>
    Listed,
}

/// <summary>Which alliances an application to a programme may name.</summary>
/// <param name="Kind">Any alliance, the alliances recognized in a state, or a list.</param>
/// <param name="State">The state whose recognized alliances are eligible (with <see cref="EligibleAlliances.RecognizedInState"/>).</param>
/// <param name="Alliances">The eligible alliances' ids (with <see cref="EligibleAlliances.Listed"/>).</param>
public sealed record AllianceEligibility(EligibleAlliances Kind, FederalState? State = null, IReadOnlyList<Guid>? Alliances = null)
{
    public static readonly AllianceEligibility AnyAlliance = new(EligibleAlliances.Any);

    public bool Admits(Alliance alliance) => Kind switch
    {
        EligibleAlliances.RecognizedInState => alliance.FederalState == State && alliance.Status == AllianceStatus.Recognized,
        EligibleAlliances.Listed => Alliances?.Contains(alliance.Id) == true,
        _ => true,
    };
}
