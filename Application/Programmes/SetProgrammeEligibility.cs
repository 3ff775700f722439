using System.Security.Claims;
using Fachwerk.Application.Alliances;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Programmes;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Programmes;

/// <summary>Sets the funding authority a programme belongs to and which alliances its applications may name.</summary>
/// <param name="Authority">The funding authority: its name, federal or state level, and the state of a state authority.</param>
/// <param name="Eligibility">Any alliance, the alliances recognized in a state, or a list of alliances.</param>
public sealed record SetProgrammeEligibility(long ExpectedVersion, FundingAuthority Authority, AllianceEligibility Eligibility, string? Reason = null)
    : IChangeCommand;

public sealed class SetProgrammeEligibilityValidator : ChangeCommandValidator<SetProgrammeEligibility>
{
    public const int MaxListedAlliances = 100;

    public SetProgrammeEligibilityValidator()
    {
        RuleFor(x => x.Authority).NotNull().SetValidator(new FundingAuthorityValidator());
        RuleFor(x => x.Eligibility).NotNull().SetValidator(new AllianceEligibilityValidator());
    }
}

/// <summary>A funding authority's input: its name, federal or state level, and a known state.</summary>
public sealed class FundingAuthorityValidator : AbstractValidator<FundingAuthority>
{
    public FundingAuthorityValidator()
    {
        RuleFor(a => a.Name).NotEmpty().MaximumLength(CommonRules.NameLength);
        RuleFor(a => a.Level).IsInEnum();
        RuleFor(a => a.State).IsInEnum();
    }
}

/// <summary>An eligibility's input: a known kind and state, and at most <see cref="SetProgrammeEligibilityValidator.MaxListedAlliances"/> alliances.</summary>
public sealed class AllianceEligibilityValidator : AbstractValidator<AllianceEligibility>
{
    public AllianceEligibilityValidator()
    {
        RuleFor(e => e.Kind).IsInEnum();
        RuleFor(e => e.State).IsInEnum();
        RuleFor(e => e.Alliances).Must(a => a is null || a.Count <= SetProgrammeEligibilityValidator.MaxListedAlliances)
            .WithMessage($"At most {SetProgrammeEligibilityValidator.MaxListedAlliances} alliances.");
        RuleForEach(e => e.Alliances).NotEmpty();
    }
}

/// <summary>Refuses a listed eligibility that names an alliance the registry does not know.</summary>
public static class ListedAlliances
{
    public static async Task EnsureKnownAsync(IQuerySession session, AllianceEligibility eligibility, CancellationToken cancellation)
    {
        if (eligibility.Kind != EligibleAlliances.Listed || eligibility.Alliances is not { Count: > 0 } listed) return;
        var known = await session.Query<AllianceDetails>().Where(a => listed.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellation);
        if (listed.FirstOrDefault(id => !known.Contains(id)) is var unknown && unknown != Guid.Empty)
            throw new RuleViolation("programme.unknown-alliance", $"There is no alliance {unknown}.");
    }
}

public static class SetProgrammeEligibilityEndpoint
{
    /// <summary>
    /// Sets the funding authority a programme belongs to and which alliances its applications may name (any, those recognized in a
    /// state, or a list). Drafts and submissions naming another alliance are refused. Answers the programme's new version.
    /// </summary>
    [Authorize(Roles = Roles.ProgrammeManagers)]
    [WolverinePut("/api/programmes/{programmeId}/eligibility")]
    public static async Task<(CommandAccepted, Events)> Put(
        SetProgrammeEligibility command,
        [WriteAggregate("programmeId")] FundingProgramme programme,
        IDocumentSession session,
        ClaimsPrincipal user,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        await ListedAlliances.EnsureKnownAsync(session, command.Eligibility, cancellation);

        Events events = [.. ProgrammeDecider.SetEligibility(programme, command.Authority, command.Eligibility, command.Reason, user.Stamp(clock))];
        return (CommandAccepted.After(programme.Id, command, events), events);
    }
}
