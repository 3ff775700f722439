using Fachwerk.Application.Common;
using Fachwerk.Application.Network.Actors;
using Fachwerk.Web.Shared;

namespace Fachwerk.Web.Network.Actors.Actions;

/// <summary>
/// Which steps of a network actor the pages offer a user, as a courtesy (the API's <c>NetworkRoles.Recorders</c>): caseworkers
/// and administrators every actor's, an alliance coordinator those of the actor of their alliance (the token's <c>alliance</c>
/// claim). The API decides every time: a posted form is always handed to it, and a forged one gets its refusal in words.
/// </summary>
public static class ActorActions
{
    public const string Establish = "establish-actor";
    public const string Admit = "admit-actor-member";
    public const string Leave = "record-member-leaving";
    public const string NameContact = "name-contact-person";
    public const string EraseContact = "erase-contact-person";

    /// <summary>The steps of an actor's page, in the order its choice lists them.</summary>
    public static readonly IReadOnlyList<string> OnActor = [Admit, Leave, NameContact, EraseContact];

    /// <summary>Every form of the actor pages, for the confirmation after a redirect.</summary>
    public static readonly IReadOnlyList<string> All = [Establish, .. OnActor];

    /// <summary>Whether the user establishes actors at all (staff any, a coordinator one of their own alliance).</summary>
    public static bool MayEstablish(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return IsStaff(user) || user.Has(Roles.AllianceCoordinator);
    }

    /// <summary>Staff record every actor; a coordinator those working in an alliance they coordinate.</summary>
    public static bool Records(NetworkActorDetails actor, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(user);
        return IsStaff(user) || (user.Has(Roles.AllianceCoordinator) && actor.AllianceId is { } alliance && user.Alliances.Contains(alliance));
    }

    /// <summary>Whether the actor's page offers <paramref name="action"/> on <paramref name="actor"/> as it is to <paramref name="user"/>.</summary>
    public static bool Offers(string action, NetworkActorDetails actor, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!Records(actor, user)) return false;
        return action switch
        {
            Admit or NameContact => true,
            Leave => actor.Members.Count > 0,
            EraseContact => actor.ContactPersons.Any(c => !c.PersonalDataErased),
            _ => false,
        };
    }

    public static bool IsStaff(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Has(Roles.Caseworker) || user.Has(Roles.Administrator);
    }
}
