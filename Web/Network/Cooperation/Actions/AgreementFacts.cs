using Fachwerk.Application.Network.Cooperation;
using Fachwerk.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Fachwerk.Web.Network.Cooperation.Actions;

/// <summary>The facts of an agreement a keeper acts on, as the page showed them: a stale form says which of them changed meanwhile.</summary>
public static class AgreementFacts
{
    public static Dictionary<string, string> Of(CooperationAgreementDetails agreement, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(text);
        return new Dictionary<string, string>
        {
            ["agreements.term"] = AgreementTexts.Term(agreement, text),
            ["agreement.termination"] = agreement.TerminatedOn is { } terminated ? Formats.Date(terminated) : text["facts.none"],
            ["agreement.facts.lastChanged"] = Formats.DateTime(agreement.LastChangedAt),
        };
    }
}
