using Fachwerk.Application.Network.Actors;
using Fachwerk.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Fachwerk.Web.Network.Actors.Actions;

/// <summary>The facts of a network actor a recorder acts on, as the page showed them: a stale form says which of them changed meanwhile.</summary>
public static class ActorFacts
{
    public static Dictionary<string, string> Of(NetworkActorDetails actor, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(text);
        return new Dictionary<string, string>
        {
            ["actor.members"] = actor.Members.Count == 0 ? text["facts.none"] : string.Join(", ", actor.Members.Select(m => m.Member.Name)),
            ["actor.formerMembers"] = actor.FormerMembers.Count == 0 ? text["facts.none"] : string.Join(", ", actor.FormerMembers.Select(m => m.Member.Name)),
            ["actor.contacts"] = Formats.Number(actor.ContactPersons.Count),
            ["actor.facts.erased"] = Formats.Number(actor.ContactPersons.Count(c => c.PersonalDataErased)),
            ["actor.facts.lastChanged"] = Formats.DateTime(actor.LastChangedAt),
        };
    }
}
