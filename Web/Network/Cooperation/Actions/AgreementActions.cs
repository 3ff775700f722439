using Fachwerk.Application.Network.Cooperation;
using Fachwerk.Web.Network.Ideas.Actions;
using Fachwerk.Web.Shared;

namespace Fachwerk.Web.Network.Cooperation.Actions;

/// <summary>
/// The cooperation agreements' forms: agreements belong to no alliance, so caseworkers and administrators record them (offered
/// to them as a courtesy; the API decides every time, a posted form is always handed to it).
/// </summary>
public static class AgreementActions
{
    public const string Conclude = "conclude-agreement";
    public const string Extend = "extend-agreement";
    public const string Terminate = "terminate-agreement";

    /// <summary>The steps of an agreement's page, in the order its choice lists them.</summary>
    public static readonly IReadOnlyList<string> OnAgreement = [Extend, Terminate];

    /// <summary>Every form of the agreement pages, for the confirmation after a redirect.</summary>
    public static readonly IReadOnlyList<string> All = [Conclude, .. OnAgreement];

    public static bool MayConclude(CurrentUser user) => IdeaActions.IsStaff(user);

    /// <summary>
    /// Whether the agreement's page offers <paramref name="action"/>: to staff, while it is not terminated; an extension only
    /// when it has an end to move (an open-ended one has none).
    /// </summary>
    public static bool Offers(string action, CooperationAgreementDetails agreement, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        if (!MayConclude(user) || agreement.TerminatedOn is not null) return false;
        return action switch
        {
            Extend => agreement.ValidUntil is not null,
            Terminate => true,
            _ => false,
        };
    }
}
