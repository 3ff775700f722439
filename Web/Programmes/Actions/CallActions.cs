using Fachwerk.Application.Common;
using Fachwerk.Application.Programmes;
using Fachwerk.Web.Shared;

namespace Fachwerk.Web.Programmes.Actions;

/// <summary>
/// Which forms the programme page offers (its calls, its authority and eligible alliances), and to whom: to the programme managers
/// (caseworkers and administrators), extending and closing a call only while one is open. The API decides every time (a posted form is always handed to it).
/// </summary>
public static class CallActions
{
    public const string Open = "open-call";
    public const string Extend = "extend-call";
    public const string Close = "close-call";
    public const string Eligibility = "set-eligibility";
    public const string Criteria = "set-review-criteria";

    /// <summary>The forms of the programme page, in the order the page shows them.</summary>
    public static readonly IReadOnlyList<string> All = [Open, Extend, Close, Eligibility, Criteria];

    /// <summary>Whether the user manages programmes at all.</summary>
    public static bool Manages(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Roles.ProgrammeManagers.Split(',').Any(user.Has);
    }

    /// <summary>Whether the page offers <paramref name="action"/> on <paramref name="programme"/> to <paramref name="user"/>.</summary>
    public static bool Offers(string action, ProgrammeDetails programme, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(programme);
        return Manages(user) && (action is Open or Eligibility or Criteria || (All.Contains(action) && programme.Calls.Any(c => c.ClosedAt is null)));
    }
}
