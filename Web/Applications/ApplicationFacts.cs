using System.Text.Json;
using Fachwerk.Application.Applications;
using Fachwerk.Web.Forms;
using Fachwerk.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Fachwerk.Web.Applications;

/// <summary>
/// The facts of an application a caseworker acts on, as the page showed them. A form carries them from the page it was
/// loaded on, so that when the application changed meanwhile (stale version) the form can say what changed.
/// </summary>
public static class ApplicationFacts
{
    public static Dictionary<string, string> Of(ApplicationDetails application, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(text);
        var requests = application.DocumentRequests;
        var open = requests.Count(r => r.SuppliedAt is null);
        var funding = application.Funding;
        return new Dictionary<string, string>
        {
            ["facts.status"] = text["status." + application.Status],
            ["facts.title"] = application.Plan.Title,
            ["facts.requested"] = Formats.Money(application.Plan.RequestedAmount),
            ["facts.documentRequests"] = text["facts.documentRequestsValue", requests.Count, open],
            ["facts.vote"] = application.AllianceVote is { } vote ? text[vote.Recommends ? "vote.recommends" : "vote.notRecommends"] : text["facts.none"],
            ["facts.proposals"] = application.Proposals.Count == 0
                ? text["facts.none"]
                : text["facts.proposalsValue", application.Proposals.Count, text["proposal.outcome." + application.Proposals[^1].Outcome]],
            ["facts.approved"] = application.ApprovedAmount is { } approved ? Formats.Money(approved) : text["facts.none"],
            ["facts.paid"] = Formats.Money(funding?.Paid ?? 0),
            ["facts.payments"] = (funding?.Payments.Count ?? 0).ToString(System.Globalization.CultureInfo.CurrentCulture),
            ["facts.proofs"] = text["facts.proofsValue", funding?.ProofsOfUse.Count(p => p.SubmittedAt is not null) ?? 0, funding?.ProofsOfUse.Count ?? 0],
            ["facts.reclaims"] = (funding?.Reclaims.Count ?? 0).ToString(System.Globalization.CultureInfo.CurrentCulture),
            ["facts.lastChanged"] = Formats.DateTime(application.LastChangedAt),
        };
    }

    public static string Serialize(IReadOnlyDictionary<string, string> facts) => JsonSerializer.Serialize(facts);

    public static Dictionary<string, string> Parse(string? serialized)
    {
        if (string.IsNullOrWhiteSpace(serialized)) return [];
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(serialized) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>The facts that differ, in the order the page shows them.</summary>
    public static IReadOnlyList<FactChange> Changes(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(text);
        return [.. after.Where(fact => before.TryGetValue(fact.Key, out var old) && old != fact.Value)
            .Select(fact => new FactChange(text[fact.Key], before[fact.Key], fact.Value))];
    }
}
