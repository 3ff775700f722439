using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>
/// The recipient submits a proof of use (Verwendungsnachweis): a narrative report, the figures (spent by cost category, own
/// share, third-party money) and the receipts (references into the document store).
/// </summary>
/// <param name="Narrative">The narrative report: what the project did and achieved.</param>
/// <param name="SpentByCategory">What was spent, by cost category, in EUR.</param>
/// <param name="OwnShareSpent">The applicant's own money spent, in EUR.</param>
/// <param name="ThirdPartySpent">Third parties' money spent, in EUR.</param>
/// <param name="Receipts">The receipts, as references into the document store; together no more than was spent.</param>
public sealed record SubmitProofOfUse(
    long ExpectedVersion,
    string Narrative,
    IReadOnlyDictionary<string, decimal> SpentByCategory,
    decimal OwnShareSpent,
    decimal ThirdPartySpent,
    IReadOnlyList<Receipt> Receipts,
    string? Reason = null) : IChangeCommand;

public sealed class SubmitProofOfUseValidator : AbstractValidator<SubmitProofOfUse>
{
    public const int NarrativeLength = 20_000;

    public SubmitProofOfUseValidator()
    {
        this.ExpectedVersionRule();
        RuleFor(x => x.Narrative).NotEmpty().MaximumLength(NarrativeLength);
        RuleFor(x => x.SpentByCategory).NotEmpty().WithMessage("State what was spent, by cost category.")
            .Must(c => c.Count <= 50).WithMessage("At most 50 cost categories.");
        RuleForEach(x => x.SpentByCategory).ChildRules(category =>
        {
            category.RuleFor(c => c.Key).NotEmpty().MaximumLength(CommonRules.ShortTextLength).OverridePropertyName("category");
            category.RuleFor(c => c.Value).MoneyOrZero().OverridePropertyName("amount");
        });
        RuleFor(x => x.OwnShareSpent).MoneyOrZero();
        RuleFor(x => x.ThirdPartySpent).MoneyOrZero();
        RuleFor(x => x.Receipts).NotNull().Must(r => r.Count <= 5_000).WithMessage("At most 5,000 receipts per proof.");
        RuleForEach(x => x.Receipts).ChildRules(receipt =>
        {
            receipt.RuleFor(r => r.Reference).NotEmpty().MaximumLength(CommonRules.NameLength);
            receipt.RuleFor(r => r.Date).PlausibleDate();
            receipt.RuleFor(r => r.Amount).MoneyOrZero();
            receipt.RuleFor(r => r.Category).NotEmpty().MaximumLength(CommonRules.ShortTextLength);
        });
        RuleFor(x => x.Receipts)
            .Must((proof, receipts) => receipts is null || receipts.Sum(r => r.Amount) <= proof.SpentByCategory.Values.Sum())
            .WithMessage("The receipts add up to more than what the figures say was spent.")
            .When(x => x.SpentByCategory is not null);
        this.OptionalReasonRule();
    }
}

public static class SubmitProofOfUseEndpoint
{
    public static void Before(FundingApplication application, ClaimsPrincipal user) => user.EnsureActsForOrganisation(application.ApplicantId);

    /// <summary>
    /// Submits a proof of use (Verwendungsnachweis): the report, the figures and the receipts. Answers the application's new
    /// version.
    /// </summary>
    [Authorize(Roles = Roles.Applicant)]
    [WolverinePost("/api/applications/{applicationId}/proofs-of-use/{proof}")]
    public static (CommandAccepted, Events) Submit(
        SubmitProofOfUse command,
        string proof,
        [WriteAggregate("applicationId")] FundingApplication application,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events =
        [
            FundingDecider.SubmitProof(application, proof,
                new ProofOfUseReport(command.Narrative, command.SpentByCategory, command.OwnShareSpent, command.ThirdPartySpent, command.Receipts),
                user.Stamp(clock)),
        ];
        return (CommandAccepted.After(application.Id, command, events).Creating("proof-of-use", proof), events);
    }
}
