using Fachwerk.Application.Network.Concepts;
using Fachwerk.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Fachwerk.Web.Network.Concepts.Actions;

/// <summary>The facts of a concept a recorder acts on, as the page showed them: a stale form says which of them changed meanwhile.</summary>
public static class ConceptFacts
{
    public static Dictionary<string, string> Of(ConceptDetails concept, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(concept);
        ArgumentNullException.ThrowIfNull(text);
        return new Dictionary<string, string>
        {
            ["concept.step.project"] = concept.Project is { } project ? $"{project.Title} ({project.Lead.Name})" : text["concept.noProject"],
            ["concept.step.application"] = concept.Application?.Title ?? text["concept.noApplication"],
            ["concept.facts.lastChanged"] = Formats.DateTime(concept.LastChangedAt),
        };
    }
}
