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

    /// <summary>Every form of the agreement pages, for the confirmation after a redirect.</summary>
    public static readonly IReadOnlyList<string> All = [Conclude];

    public static bool MayConclude(CurrentUser user) => IdeaActions.IsStaff(user);
}
