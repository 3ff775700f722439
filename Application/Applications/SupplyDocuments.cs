using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>The applicant supplies the requested documents (as references into the document store) before the deadline.</summary>
/// <param name="DocumentReferences">The supplied documents, as references into the document store.</param>
public sealed record SupplyDocuments(long ExpectedVersion, IReadOnlyList<string> DocumentReferences, string? Reason = null) : IChangeCommand;

public sealed class SupplyDocumentsValidator : ChangeCommandValidator<SupplyDocuments>
{
    public SupplyDocumentsValidator()
    {
        RuleFor(x => x.DocumentReferences).NotEmpty().WithMessage("Supply at least one document.")
            .Must(d => d.Count <= 50).WithMessage("At most 50 documents at once.");
        RuleForEach(x => x.DocumentReferences).NotEmpty().MaximumLength(CommonRules.NameLength);
    }
}

public static class SupplyDocumentsEndpoint
{
    public static void Before(FundingApplication application, ClaimsPrincipal user) => user.EnsureActsForOrganisation(application.ApplicantId);

    /// <summary>
    /// Supplies the documents a caseworker asked for, before the deadline. Answers the application's new version.
    /// </summary>
    [Authorize(Roles = Roles.Applicant)]
    [WolverinePost("/api/applications/{applicationId}/document-supplies")]
    public static (CommandAccepted, Events) Post(
        SupplyDocuments command,
        [WriteAggregate("applicationId")] FundingApplication application,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [ApplicationDecider.SupplyDocuments(application, command.DocumentReferences, user.Stamp(clock))];
        return (CommandAccepted.After(application.Id, command, events), events);
    }
}
