using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>The result of a check of a proof of use: what it found wrong (nothing, if the list is empty).</summary>
public sealed record CompleteProofCheck(long ExpectedVersion, IReadOnlyList<Finding> Findings, string? Reason = null) : IChangeCommand;

public sealed class CompleteProofCheckValidator : ChangeCommandValidator<CompleteProofCheck>
{
    public CompleteProofCheckValidator()
    {
        RuleFor(x => x.Findings).NotNull().Must(f => f.Count <= 200).WithMessage("At most 200 findings per check.");
        RuleForEach(x => x.Findings).ChildRules(finding =>
        {
            finding.RuleFor(f => f.Description).NotEmpty().MaximumLength(CommonRules.ReasonLength);
            finding.RuleFor(f => f.AmountConcerned!.Value).MoneyOrZero().When(f => f.AmountConcerned is not null)
                .OverridePropertyName(nameof(Finding.AmountConcerned));
        });
    }
}

public static class CheckProofOfUseEndpoints
{
    /// <summary>The first check (completeness, plausibility), due within three months of receipt. Without findings on the final proof the case may close.</summary>
    [Authorize(Roles = Roles.Caseworker)]
    [WolverinePost("/api/applications/{applicationId}/proofs-of-use/{proof}/first-check")]
    public static (CommandAccepted, Events) FirstCheck(
        CompleteProofCheck command,
        string proof,
        [WriteAggregate("applicationId", VersionSource = nameof(IChangeCommand.ExpectedVersion))] FundingApplication application,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [.. FundingDecider.CompleteFirstCheck(application, proof, command.Findings, user.Stamp(clock))];
        return (CommandAccepted.After(application.Id, command, events), events);
    }

    [Authorize(Roles = Roles.Caseworker)]
    [WolverinePost("/api/applications/{applicationId}/proofs-of-use/{proof}/in-depth-check")]
    public static (CommandAccepted, Events) InDepthCheck(
        CompleteProofCheck command,
        string proof,
        [WriteAggregate("applicationId", VersionSource = nameof(IChangeCommand.ExpectedVersion))] FundingApplication application,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [.. FundingDecider.CompleteInDepthCheck(application, proof, command.Findings, user.Stamp(clock))];
        return (CommandAccepted.After(application.Id, command, events), events);
    }
}
