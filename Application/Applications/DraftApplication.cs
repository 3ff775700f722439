using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Organisations;
using Fachwerk.Domain.Programmes;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>An applicant organisation starts a funding application for a project in a district of an alliance's region.</summary>
/// <param name="ApplicantId">The applicant organisation (the caller must act for it).</param>
/// <param name="ProgrammeId">The funding programme applied to.</param>
/// <param name="AllianceId">The alliance whose region the project is in; it votes on the application where the programme asks for
/// a vote.</param>
/// <param name="District">The district of the alliance's region the project takes place in.</param>
/// <param name="Plan">The project plan and its financing.</param>
/// <param name="Extra">Values of the extra fields the programme's application form asks for, by key (ADR 0122; see SetExtraData).</param>
public sealed record DraftApplication(
    Guid ApplicantId,
    Guid ProgrammeId,
    Guid AllianceId,
    string District,
    ProjectPlan Plan,
    string? Reason = null,
    IReadOnlyDictionary<string, string?>? Extra = null) : ICommand;

public sealed class ProjectPlanValidator : AbstractValidator<ProjectPlan>
{
    public const int DescriptionLength = 4000;

    public ProjectPlanValidator()
    {
        RuleFor(x => x.Title).NotEmpty().MaximumLength(CommonRules.NameLength);
        RuleFor(x => x.Description).NotEmpty().MaximumLength(DescriptionLength);
        this.PeriodRules(x => x.Duration);
        RuleFor(x => x.TotalCosts).Money();
        RuleFor(x => x.RequestedAmount).Money();
        RuleFor(x => x.OwnContribution).MoneyOrZero();
        RuleFor(x => x.ThirdPartyFunding).MoneyOrZero();
        RuleFor(x => x.TotalCosts)
            .Must((plan, total) => plan.RequestedAmount + plan.OwnContribution + plan.ThirdPartyFunding == total)
            .WithMessage(plan => $"The financing plan does not balance: requested + own contribution + third-party funding = " +
                                 $"{plan.RequestedAmount + plan.OwnContribution + plan.ThirdPartyFunding}, total costs = {plan.TotalCosts}.");
        RuleFor(x => x.TargetGroups).NotNull();
        RuleForEach(x => x.TargetGroups).IsInEnum();
        RuleFor(x => x.PlannedParticipants).InclusiveBetween(0, 100_000);
    }
}

public sealed class DraftApplicationValidator : AbstractValidator<DraftApplication>
{
    public DraftApplicationValidator()
    {
        RuleFor(x => x.ApplicantId).NotEmpty();
        RuleFor(x => x.ProgrammeId).NotEmpty();
        RuleFor(x => x.AllianceId).NotEmpty();
        RuleFor(x => x.District).NotEmpty().MaximumLength(CommonRules.ShortTextLength);
        RuleFor(x => x.Plan).NotNull().SetValidator(new ProjectPlanValidator());
        this.OptionalReasonRule();
        RuleFor(x => x.Extra).Must(v => v is null || v.Count <= ApplicationForm.MaxFields).WithMessage($"At most {ApplicationForm.MaxFields} values.");
    }
}

public static class DraftApplicationEndpoint
{
    public static void Before(DraftApplication command, ClaimsPrincipal user) => user.EnsureActsForOrganisation(command.ApplicantId);

    /// <summary>
    /// Drafts a funding application for a project in a district of an alliance's region. Answers the new application's id,
    /// version and address.
    /// </summary>
    [Authorize(Roles = Roles.Applicant)]
    [DeduplicatedWithResponse(DeduplicationScope.User | DeduplicationScope.Endpoint, Required = false, ClaimInTransaction = true)]
    [WolverinePost("/api/applications")]
    public static (StreamCreated, IStartStream) Post(
        DraftApplication command,
        [ReadAggregate(nameof(DraftApplication.ApplicantId))] Organisation applicant,
        [ReadAggregate(nameof(DraftApplication.ProgrammeId))] FundingProgramme programme,
        [ReadAggregate(nameof(DraftApplication.AllianceId))] Alliance alliance,
        ApplicationParties parties,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        var id = Guid.CreateVersion7();
        var drafted = ApplicationDecider.Draft(id, applicant, programme, alliance, command.District, command.Plan, user.Stamp(clock), command.Extra);
        // Its later commands read the programme and the alliance with its stream (a draft that does not commit is never asked for).
        parties.Remember(id, programme.Id, alliance.Id);
        return (new StreamCreated(id, 1, $"/api/applications/{id}"), MartenOps.StartStream<FundingApplication>(id, drafted));
    }
}
