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
/// The applicant sets the values of the extra fields the programme's application form asks for (ADR 0122), on the form version the
/// application was drafted with; allowed until the application is formally complete.
/// </summary>
/// <param name="Values">Every field's value by key, as text (numbers and money with a decimal point, days as yyyy-MM-dd, yes/no as
/// true/false, choices by value, documents by id); fields not named or empty are emptied.</param>
public sealed record SetExtraData(long ExpectedVersion, IReadOnlyDictionary<string, string?> Values, string? Reason = null) : IChangeCommand;

public sealed class SetExtraDataValidator : ChangeCommandValidator<SetExtraData>
{
    public SetExtraDataValidator()
    {
        RuleFor(x => x.Values).NotNull().Must(v => v is null || v.Count <= ApplicationForm.MaxFields)
            .WithMessage($"At most {ApplicationForm.MaxFields} values.");
    }
}

public static class SetExtraDataEndpoint
{
    public static void Before(FundingApplication application, ClaimsPrincipal user) => user.EnsureActsForOrganisation(application.ApplicantId);

    /// <summary>The programme that holds the application's form version.</summary>
    public static ValueTask<FundingProgramme?> LoadAsync(FundingApplication application, IDocumentSession session, CancellationToken cancellation) =>
        session.Events.FetchLatest<FundingProgramme>(application.ProgrammeId, cancellation);

    /// <summary>
    /// Sets the values of the application's extra fields (ADR 0122), checked against the form version it keeps: kinds and limits
    /// always, required fields once submitted. A value that breaks its field answers 400 naming it (<c>extra.&lt;key&gt;</c>).
    /// Answers the application's new version; unchanged values record nothing.
    /// </summary>
    [Authorize(Roles = Roles.Applicant)]
    [WolverinePut("/api/applications/{applicationId}/extra-data")]
    public static (CommandAccepted, Events) Put(
        SetExtraData command,
        [WriteAggregate("applicationId")] FundingApplication application,
        FundingProgramme programme,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [.. ExtraDataDecider.Set(application, programme, command.Values, user.Stamp(clock))];
        return (CommandAccepted.After(application.Id, command, events), events);
    }
}
