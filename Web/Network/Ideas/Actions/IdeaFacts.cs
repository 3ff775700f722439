using Fachwerk.Application.Network.Ideas;
using Fachwerk.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Fachwerk.Web.Network.Ideas.Actions;

/// <summary>The facts of a project idea a recorder acts on, as the page showed them: a stale form says which of them changed meanwhile.</summary>
public static class IdeaFacts
{
    public static Dictionary<string, string> Of(ProjectIdeaDetails idea, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(idea);
        ArgumentNullException.ThrowIfNull(text);
        return new Dictionary<string, string>
        {
            ["idea.facts.status"] = text["idea.status." + idea.Status],
            ["idea.facts.title"] = idea.Title,
            ["idea.facts.partners"] = idea.Partners.Count == 0 ? text["facts.none"] : string.Join(", ", idea.Partners.Select(p => p.Partner.Name)),
            ["idea.facts.realisation"] = idea.Realisation?.Title ?? text["facts.none"],
            ["idea.facts.lastChanged"] = Formats.DateTime(idea.LastChangedAt),
        };
    }
}
