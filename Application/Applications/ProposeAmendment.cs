using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Programmes;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>
/// The caseworker proposes a change notice (Änderungsbescheid) to the approved decision, in force from <paramref name="EffectiveFrom"/>;
/// a second person confirms or returns it (ADR 0121). What it leaves out stays as the decision has it.
/// </summary>
/// <param name="Reason">Why the decision is amended (e.g. the applicant's request of 3 March).</param>
/// <param name="EffectiveFrom">The day the amended decision is in force from; payments follow it from then on.</param>
/// <param name="Amount">The new approved amount, in EUR; a raise is committed through the programme's budget after confirmation.</param>
/// <param name="ProjectEnd">The new last day of the project; the final proof of use then falls due six months after it unless given.</param>
/// <param name="ProofDueDates">New due dates of proofs of use not yet submitted.</param>
/// <param name="Conditions">The conditions (Nebenbestimmungen) replacing the decision's.</param>
/// <param name="CostPlan">The new financing: eligible costs, own contribution, third-party money; a new amount must balance with it.</param>
/// <param name="PlanningExceedanceReason">Why a raise may take the alliance beyond its planning figure; required if it does.</param>
/// <param name="NewObligations">Obligations (Auflagen) the amended decision adds (at most 10; the rules of <c>ProposeDecision.obligations</c>),
/// imposed when it is in force, numbered after the grant's.</param>
/// <param name="ChangedObligations">Obligations of the grant (by number, neither breached nor lifted) with their new terms.</param>
/// <param name="LiftedObligations">The numbers of obligations of the grant (neither breached nor lifted) the amended decision lifts.</param>
public sealed record ProposeAmendment(
    long ExpectedVersion,
    string Reason,
    DateOnly EffectiveFrom,
    decimal? Amount = null,
    DateOnly? ProjectEnd = null,
    IReadOnlyList<ProofDueDate>? ProofDueDates = null,
    IReadOnlyList<string>? Conditions = null,
    CostPlan? CostPlan = null,
    string? PlanningExceedanceReason = null,
    IReadOnlyList<ObligationTerms>? NewObligations = null,
    IReadOnlyList<ObligationChange>? ChangedObligations = null,
    IReadOnlyList<int>? LiftedObligations = null) : IChangeCommand;

public sealed class ProposeAmendmentValidator : ChangeCommandValidator<ProposeAmendment>
{
    public ProposeAmendmentValidator() : base(reasonRequired: true)
    {
        RuleFor(x => x.EffectiveFrom).PlausibleDate();
        RuleFor(x => x.Amount!.Value).Money().When(x => x.Amount is not null).OverridePropertyName(nameof(ProposeAmendment.Amount));
        RuleFor(x => x.ProjectEnd!.Value).PlausibleDate().When(x => x.ProjectEnd is not null).OverridePropertyName(nameof(ProposeAmendment.ProjectEnd));
        RuleFor(x => x.ProofDueDates).Must(d => d is null || d.Count <= 20).WithMessage("At most 20 proofs of use.")
            .Must(d => d is null || d.Select(p => p.Proof).Distinct().Count() == d.Count).WithMessage("Name each proof of use once.");
        RuleForEach(x => x.ProofDueDates).ChildRules(p =>
        {
            p.RuleFor(x => x.Proof).NotEmpty().MaximumLength(100);
            p.RuleFor(x => x.DueBy).PlausibleDate();
        });
        RuleFor(x => x.Conditions).Must(c => c is null || c.Count <= 50).WithMessage("At most 50 conditions.");
        RuleForEach(x => x.Conditions).NotEmpty().MaximumLength(CommonRules.ReasonLength);
        When(x => x.CostPlan is not null, () =>
        {
            RuleFor(x => x.CostPlan!.TotalCosts).Money().OverridePropertyName("costPlan.totalCosts");
            RuleFor(x => x.CostPlan!.OwnContribution).MoneyOrZero().OverridePropertyName("costPlan.ownContribution");
            RuleFor(x => x.CostPlan!.ThirdPartyFunding).MoneyOrZero().OverridePropertyName("costPlan.thirdPartyFunding");
        });
        RuleFor(x => x.PlanningExceedanceReason).MaximumLength(CommonRules.ReasonLength);
        // The obligations' own rules answered per field, as for the approval's terms (ADR 0126, 0129).
        RuleFor(x => x.NewObligations).Must(o => o is null || o.Count <= ObligationDecider.MaxPerApproval)
            .WithMessage($"At most {ObligationDecider.MaxPerApproval} obligations.");
        RuleForEach(x => x.NewObligations).Cascade(CascadeMode.Continue).NotNull().SetValidator(new ObligationTermsValidator());
        RuleFor(x => x.ChangedObligations).Must(o => o is null || o.Count <= ObligationDecider.MaxPerApproval)
            .WithMessage($"At most {ObligationDecider.MaxPerApproval} obligations.");
        RuleForEach(x => x.ChangedObligations).Cascade(CascadeMode.Continue).NotNull().ChildRules(c =>
        {
            c.RuleFor(x => x.Number).GreaterThan(0);
            c.RuleFor(x => x.Terms).NotNull().SetValidator(new ObligationTermsValidator());
        });
        RuleFor(x => x.LiftedObligations).Must(o => o is null || o.Count <= ObligationDecider.MaxPerApproval)
            .WithMessage($"At most {ObligationDecider.MaxPerApproval} obligations.");
        RuleForEach(x => x.LiftedObligations).GreaterThan(0);
        RuleFor(x => x).Must(x => ObligationNumbers(x).Distinct().Count() == ObligationNumbers(x).Count())
            .WithMessage("Name each obligation once: it is changed or lifted, not both.").OverridePropertyName(nameof(ProposeAmendment.LiftedObligations));
    }

    private static IEnumerable<int> ObligationNumbers(ProposeAmendment x) =>
        (x.ChangedObligations ?? []).Where(c => c is not null).Select(c => c.Number).Concat(x.LiftedObligations ?? []);
}

public static class ProposeAmendmentEndpoint
{
    /// <summary>The programme whose rules the amended decision must meet.</summary>
    public static ValueTask<FundingProgramme?> LoadAsync(FundingApplication application, IDocumentSession session, CancellationToken cancellation) =>
        session.Events.FetchLatest<FundingProgramme>(application.ProgrammeId, cancellation);

    /// <summary>
    /// Proposes an amendment (Änderungsbescheid) to the approved decision: a new amount with its financing, a later project end,
    /// new proof-of-use dates, other conditions, obligations added, changed or lifted. A second person confirms or returns it; answers the application's new version and
    /// the amendment's number (<c>created.key</c>).
    /// </summary>
    [Authorize(Roles = Roles.Caseworker)]
    [WolverinePost("/api/applications/{applicationId}/amendments")]
    public static (CommandAccepted, Events) Post(
        ProposeAmendment command,
        [WriteAggregate("applicationId")] FundingApplication application,
        FundingProgramme programme,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        var proposed = AmendmentDecider.Propose(application, programme,
            new AmendmentTerms(command.Amount, command.ProjectEnd, command.ProofDueDates, command.Conditions, command.CostPlan, command.PlanningExceedanceReason,
                command.NewObligations, command.ChangedObligations, command.LiftedObligations),
            command.Reason, command.EffectiveFrom, command.ExpectedVersion, user.Stamp(clock));
        Events events = [proposed];
        return (CommandAccepted.After(application.Id, command, events).Creating("amendment", proposed.AmendmentNumber), events);
    }
}
