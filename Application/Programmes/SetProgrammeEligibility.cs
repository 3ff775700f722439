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
        RuleFor(x => x.Authority).NotNull().ChildRules(authority =>
        {
            authority.RuleFor(a => a.Name).NotEmpty().MaximumLength(CommonRules.NameLength);
            authority.RuleFor(a => a.Level).IsInEnum();
            authority.RuleFor(a => a.State).IsInEnum();
        });
        RuleFor(x => x.Eligibility).NotNull().ChildRules(eligibility =>
        {
            eligibility.RuleFor(e => e.Kind).IsInEnum();
            eligibility.RuleFor(e => e.State).IsInEnum();
            eligibility.RuleFor(e => e.Alliances).Must(a => a is null || a.Count <= MaxListedAlliances)
                .WithMessage($"At most {MaxListedAlliances} alliances.");
            eligibility.RuleForEach(e => e.Alliances).NotEmpty();
        });
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
        if (command.Eligibility.Kind == EligibleAlliances.Listed && command.Eligibility.Alliances is { Count: > 0 } listed)
        {
            var known = await session.Query<AllianceDetails>().Where(a => listed.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellation);
            if (listed.FirstOrDefault(id => !known.Contains(id)) is var unknown && unknown != Guid.Empty)
                throw new RuleViolation("programme.unknown-alliance", $"There is no alliance {unknown}.");
        }

        Events events = [.. ProgrammeDecider.SetEligibility(programme, command.Authority, command.Eligibility, command.Reason, user.Stamp(clock))];
        return (CommandAccepted.After(programme.Id, command, events), events);
    }
}
