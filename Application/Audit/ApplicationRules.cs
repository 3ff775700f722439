using System.Globalization;
using Fachwerk.Domain.Organisations;

namespace Fachwerk.Application.Audit;

/// <summary>
/// A rule an application's recorded history is re-checked against, independently of the checks the domain made when the
/// commands ran (which may have been missing, or different, at the time). Add a rule by implementing this interface and
/// listing it in <see cref="ApplicationRules.All"/>; the facts it needs go into <see cref="ApplicationRuleCheck"/> (folded by
/// <see cref="ApplicationRuleCheckProjection"/>). A rebuild of the projection applies a new rule to the whole history.
/// </summary>
public interface IApplicationRule
{
    /// <summary>Stable code, e.g. <c>funding-rate-cap</c>; findings are filtered by it.</summary>
    string Code { get; }

    Label Label { get; }

    IEnumerable<RuleFinding> Check(ApplicationRuleCheck application);
}

/// <summary>One breach of a rule: where in the application's history (version, time) and what exactly, in German and English.</summary>
/// <param name="Rule">The rule's code, e.g. <c>funding-rate-cap</c>.</param>
/// <param name="RuleLabel">The rule's name.</param>
/// <param name="Version">The application's version at which the rule was broken.</param>
/// <param name="At">When that version was recorded.</param>
/// <param name="Detail">What exactly breaks the rule.</param>
public sealed record RuleFinding(string Rule, Label RuleLabel, long Version, DateTimeOffset At, Label Detail);

public static class ApplicationRules
{
    /// <summary>The rules re-checked for every application.</summary>
    public static readonly IReadOnlyList<IApplicationRule> All =
        [new ProgrammeRulesKnown(), new FundingRateCap(), new AmountCap(), new OwnShareMinimum(), new FourEyes(), new DeMinimisCeiling()];

    public static IReadOnlyList<RuleFinding> Evaluate(ApplicationRuleCheck application) =>
        [.. All.SelectMany(rule => rule.Check(application)).OrderBy(f => f.Version).ThenBy(f => f.Rule, StringComparer.Ordinal)];

    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>An amount as Germans write it (1.234,50 EUR) and as English readers do (1,234.50 EUR).</summary>
    internal static (string De, string En) Eur(decimal amount) =>
        (amount.ToString("N2", German) + " EUR", amount.ToString("N2", CultureInfo.InvariantCulture) + " EUR");

    internal static (string De, string En) Percent(decimal rate) =>
        ((rate * 100).ToString("0.##", German) + " %", (rate * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %");

    internal static Label Of(PlanCheckpointKind kind) => kind switch
    {
        PlanCheckpointKind.Submission => new("Einreichung", "Submission"),
        PlanCheckpointKind.Amendment => new("Änderung nach Einreichung", "Amendment after submission"),
        PlanCheckpointKind.Approval => new("Bewilligung", "Approval"),
        PlanCheckpointKind.ChangeNotice => new("Änderungsbescheid", "Change notice"),
        _ => new("Herabsetzung", "Reduction"),
    };

    /// <summary>The amount a checkpoint grants or asks for: the approved amount, else the requested one.</summary>
    internal static decimal AmountAt(PlanCheckpoint checkpoint) => checkpoint.Amount ?? checkpoint.Plan.RequestedAmount;
}

/// <summary>The rules can only be re-checked when the programme (and so its rules) is known.</summary>
public sealed class ProgrammeRulesKnown : IApplicationRule
{
    public string Code => "programme-rules-known";
    public Label Label { get; } = new("Programmregeln bekannt", "Programme rules known");

    public IEnumerable<RuleFinding> Check(ApplicationRuleCheck application)
    {
        if (application.Terms is null)
            yield return new RuleFinding(Code, Label, 1, application.DraftedAt,
                new Label($"Das Förderprogramm {application.ProgrammeId} ist nicht gespeichert; die Regeln sind nicht prüfbar.",
                    $"Funding programme {application.ProgrammeId} is not stored; its rules cannot be checked."));
    }
}

/// <summary>The programme pays at most its maximum funding rate of the eligible costs: on submission, amendment and approval.</summary>
public sealed class FundingRateCap : IApplicationRule
{
    public string Code => "funding-rate-cap";
    public Label Label { get; } = new("Höchstfördersatz", "Maximum funding rate");

    public IEnumerable<RuleFinding> Check(ApplicationRuleCheck application)
    {
        if (application.Terms is not { } terms) yield break;
        foreach (var checkpoint in application.Checkpoints)
        {
            var amount = ApplicationRules.AmountAt(checkpoint);
            var rate = checkpoint.Plan.TotalCosts == 0 ? 1 : amount / checkpoint.Plan.TotalCosts;
            if (rate <= terms.MaxFundingRate) continue;
            var (kind, requested, total) = (ApplicationRules.Of(checkpoint.Kind), ApplicationRules.Eur(amount), ApplicationRules.Eur(checkpoint.Plan.TotalCosts));
            var (actual, maximum) = (ApplicationRules.Percent(Math.Round(rate, 4)), ApplicationRules.Percent(terms.MaxFundingRate));
            yield return new RuleFinding(Code, Label, checkpoint.Version, checkpoint.At, new Label(
                $"{kind.De}: Fördersatz {requested.De} / {total.De} = {actual.De} über dem Höchstsatz von {maximum.De}.",
                $"{kind.En}: funding rate {requested.En} / {total.En} = {actual.En} above the maximum of {maximum.En}."));
        }
    }
}

/// <summary>The programme grants at most its cap per application.</summary>
public sealed class AmountCap : IApplicationRule
{
    public string Code => "amount-cap";
    public Label Label { get; } = new("Höchstbetrag je Antrag", "Maximum amount per application");

    public IEnumerable<RuleFinding> Check(ApplicationRuleCheck application)
    {
        if (application.Terms is not { MaxAmountPerApplication: { } cap }) yield break;
        foreach (var checkpoint in application.Checkpoints.Where(c => ApplicationRules.AmountAt(c) > cap))
        {
            var (kind, amount, maximum) = (ApplicationRules.Of(checkpoint.Kind), ApplicationRules.Eur(ApplicationRules.AmountAt(checkpoint)), ApplicationRules.Eur(cap));
            yield return new RuleFinding(Code, Label, checkpoint.Version, checkpoint.At, new Label(
                $"{kind.De}: {amount.De} über dem Höchstbetrag von {maximum.De}.",
                $"{kind.En}: {amount.En} above the cap of {maximum.En}."));
        }
    }
}

/// <summary>The applicant's own contribution is at least 100 % minus the maximum funding rate of the eligible costs.</summary>
public sealed class OwnShareMinimum : IApplicationRule
{
    public string Code => "own-share-minimum";
    public Label Label { get; } = new("Mindesteigenanteil", "Minimum own share");

    public IEnumerable<RuleFinding> Check(ApplicationRuleCheck application)
    {
        if (application.Terms is not { } terms) yield break;
        foreach (var checkpoint in application.Checkpoints.Where(c => c.Kind is PlanCheckpointKind.Submission or PlanCheckpointKind.Amendment))
        {
            var plan = checkpoint.Plan;
            var minimum = Math.Round(plan.TotalCosts * (1 - terms.MaxFundingRate), 2, MidpointRounding.AwayFromZero);
            if (plan.OwnContribution >= minimum) continue;
            var kind = ApplicationRules.Of(checkpoint.Kind);
            var (own, least, share, total) = (ApplicationRules.Eur(plan.OwnContribution), ApplicationRules.Eur(minimum),
                ApplicationRules.Percent(1 - terms.MaxFundingRate), ApplicationRules.Eur(plan.TotalCosts));
            yield return new RuleFinding(Code, Label, checkpoint.Version, checkpoint.At, new Label(
                $"{kind.De}: Eigenanteil {own.De} unter dem Mindestbetrag von {least.De} ({share.De} von {total.De}).",
                $"{kind.En}: own contribution {own.En} below the minimum of {least.En} ({share.En} of {total.En})."));
        }
    }
}

/// <summary>A decision is confirmed by a second person: the confirmer is neither the proposer recorded on the proposal nor the one the confirmation names.</summary>
public sealed class FourEyes : IApplicationRule
{
    public string Code => "four-eyes";
    public Label Label { get; } = new("Vier-Augen-Prinzip", "Four-eyes principle");

    public IEnumerable<RuleFinding> Check(ApplicationRuleCheck application)
    {
        foreach (var confirmation in application.Confirmations)
        {
            var proposers = new[] { confirmation.ProposedBy, application.Proposals.FirstOrDefault(p => p.Number == confirmation.ProposalNumber)?.ProposedBy }
                .OfType<string>();
            if (!proposers.Any(p => string.Equals(p, confirmation.ConfirmedBy, StringComparison.OrdinalIgnoreCase))) continue;
            yield return new RuleFinding(Code, Label, confirmation.Version, confirmation.At, new Label(
                $"Vorschlag {confirmation.ProposalNumber} wurde von derselben Person vorgeschlagen und mitgezeichnet: {confirmation.ConfirmedBy}.",
                $"Proposal {confirmation.ProposalNumber} was proposed and confirmed by the same person: {confirmation.ConfirmedBy}."));
        }
    }
}

/// <summary>
/// In de-minimis programmes every approval is entered in the applicant's de-minimis ledger, and the aid of the rolling three
/// years up to the grant, this grant included, stays within the ceiling (Regulation (EU) 2023/2831, 300,000 EUR).
/// </summary>
public sealed class DeMinimisCeiling : IApplicationRule
{
    public string Code => "de-minimis-ceiling";
    public Label Label { get; } = new("De-minimis-Höchstbetrag", "De-minimis ceiling");

    public IEnumerable<RuleFinding> Check(ApplicationRuleCheck application)
    {
        foreach (var grant in application.DeMinimisGrants)
        {
            var amount = ApplicationRules.Eur(grant.Amount);
            if (!grant.EnteredInLedger)
                yield return new RuleFinding(Code, Label, grant.Version, grant.At, new Label(
                    $"Bewilligung über {amount.De} in einem De-minimis-Programm, aber nicht in der De-minimis-Aufstellung von {grant.Undertaking} eingetragen.",
                    $"Approval of {amount.En} in a de-minimis programme, but not entered in the de-minimis ledger of {grant.Undertaking}."));
            if (grant.Check.Allowed) continue;
            var (earlier, total, ceiling) = (ApplicationRules.Eur(grant.Check.AidInWindow), ApplicationRules.Eur(grant.Check.AidInWindow + grant.Amount),
                ApplicationRules.Eur(DeMinimis.Ceiling));
            var window = $"{grant.Check.WindowStart:yyyy-MM-dd} – {grant.Check.GrantedOn:yyyy-MM-dd}";
            yield return new RuleFinding(Code, Label, grant.Version, grant.At, new Label(
                $"De-minimis-Beihilfen an {grant.Undertaking} im Zeitraum {window}: bisher {earlier.De}, mit dieser Bewilligung über {amount.De} {total.De}; Höchstbetrag {ceiling.De} überschritten.",
                $"De-minimis aid to {grant.Undertaking} in {window}: {earlier.En} before, {total.En} with this grant of {amount.En}; ceiling {ceiling.En} exceeded."));
        }
    }
}
