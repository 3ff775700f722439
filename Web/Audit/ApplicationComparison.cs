using System.Globalization;
using Fachwerk.Application.Applications;
using Fachwerk.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Fachwerk.Web.Audit;

/// <summary>One fact of an application at two versions, and whether it differs.</summary>
public sealed record ComparedFact(string Group, string Fact, string Earlier, string Later)
{
    public bool Changed => !string.Equals(Earlier, Later, StringComparison.Ordinal);
}

/// <summary>
/// Two versions of an application side by side: the plan, the amounts, the documents and the decisions, fact by fact, as the
/// detail screen showed them at each version. A plain comparison of the two states' facts, in the user's language.
/// </summary>
public static class ApplicationComparison
{
    public static IReadOnlyList<ComparedFact> Compare(ApplicationDetails earlier, ApplicationDetails later, IStringLocalizer<Text> text)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        ArgumentNullException.ThrowIfNull(text);
        var facts = new List<ComparedFact>();
        void Add(string group, string fact, Func<ApplicationDetails, string> value) =>
            facts.Add(new ComparedFact(text[group], text[fact], value(earlier), value(later)));
        static string Money(decimal? amount) => amount is { } a ? Formats.Money(a) : "–";
        static string List(IEnumerable<string> items) => string.Join("; ", items) is { Length: > 0 } list ? list : "–";

        Add("audit.compare.plan", "application.status", a => text["status." + a.Status]);
        Add("audit.compare.plan", "application.projectTitle", a => a.Plan.Title);
        Add("audit.compare.plan", "application.description", a => a.Plan.Description);
        Add("audit.compare.plan", "application.duration", a => text["application.fromTo", Formats.Date(a.Plan.Duration.From), Formats.Date(a.Plan.Duration.To)]);
        Add("audit.compare.plan", "application.targetGroups", a => string.Join(", ", a.Plan.TargetGroups.Select(g => text["targetGroup." + g].Value)));
        Add("audit.compare.plan", "audit.compare.participants", a => a.Plan.PlannedParticipants.ToString(CultureInfo.CurrentCulture));
        Add("audit.compare.amounts", "application.totalCosts", a => Money(a.Plan.TotalCosts));
        Add("audit.compare.amounts", "application.requestedAmount", a => Money(a.Plan.RequestedAmount));
        Add("audit.compare.amounts", "application.ownContribution", a => Money(a.Plan.OwnContribution));
        Add("audit.compare.amounts", "application.thirdParty", a => Money(a.Plan.ThirdPartyFunding));
        Add("audit.compare.amounts", "application.approvedAmount", a => Money(a.ApprovedAmount));
        Add("audit.compare.amounts", "audit.compare.paid", a => Money(a.Funding?.Paid));
        Add("audit.compare.documents", "audit.compare.requested", a => List(a.DocumentRequests.SelectMany(r => r.Documents)));
        Add("audit.compare.documents", "audit.compare.supplied",
            a => List(a.DocumentRequests.SelectMany(r => r.SuppliedReferences ?? [])));
        Add("audit.compare.decisions", "audit.compare.vote",
            a => a.AllianceVote is { } vote ? text[vote.Recommends ? "audit.compare.recommends" : "audit.compare.advisesAgainst"] : "–");
        Add("audit.compare.decisions", "audit.compare.proposals",
            a => List(a.Proposals.Select(p => $"{p.Number}: {text["audit.compare.decision." + p.Decision]} {Money(p.Amount)} ({text["audit.compare.outcome." + p.Outcome]})")));
        Add("audit.compare.decisions", "application.conditions", a => List(a.Conditions));
        return facts;
    }
}
