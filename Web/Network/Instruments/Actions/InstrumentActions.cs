using Fachwerk.Application.Common;
using Fachwerk.Application.Network.Instruments;
using Fachwerk.Domain.Network.Instruments;
using Fachwerk.Web.Shared;

namespace Fachwerk.Web.Network.Instruments.Actions;

/// <summary>
/// Which steps of an instrument the pages offer a user, and when: to caseworkers and administrators (the API's
/// <c>NetworkRoles.Keepers</c>: instruments belong to no alliance), uses for a format and awards and renewals for the seal, as a
/// courtesy. The API decides every time (a posted form is always handed to it).
/// </summary>
public static class InstrumentActions
{
    public const string Introduce = "introduce-instrument";
    public const string Use = "record-instrument-use";
    public const string Award = "award-seal";
    public const string Renew = "renew-seal";

    /// <summary>The forms of the instrument page, in the order the step choice lists them.</summary>
    public static readonly IReadOnlyList<string> OnInstrument = [Use, Award, Renew];

    /// <summary>Every form of the instrument pages, for the confirmation after a redirect.</summary>
    public static readonly IReadOnlyList<string> All = [Introduce, .. OnInstrument];

    /// <summary>Whether the user records instruments at all: caseworkers and administrators.</summary>
    public static bool Records(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Has(Roles.Caseworker) || user.Has(Roles.Administrator);
    }

    /// <summary>Whether the page offers <paramref name="action"/> on <paramref name="instrument"/> as it is to <paramref name="user"/>.</summary>
    public static bool Offers(string action, InstrumentDetails instrument, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (!Records(user)) return false;
        var seal = instrument.Kind == InstrumentKind.CareerChoiceSeal;
        return action switch
        {
            Use => !seal,
            Award => seal,
            Renew => seal && instrument.Seals.Count > 0,
            _ => false,
        };
    }
}
