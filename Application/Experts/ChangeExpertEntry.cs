using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Experts;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Experts;

/// <summary>Changes an expert's entry in the directory; the new entry replaces the old one as a whole.</summary>
/// <param name="DisplayName">The expert's name.</param>
/// <param name="Affiliation">The organisation they work for, if any.</param>
/// <param name="Fields">Their fields of expertise, 1 to 10 short texts.</param>
/// <param name="Email">Their e-mail address, if given.</param>
public sealed record ChangeExpertEntry(
    long ExpectedVersion, string DisplayName, string? Affiliation, IReadOnlyList<string>? Fields, string? Email = null, string? Reason = null)
    : IChangeCommand, IExpertEntryCommand;

public sealed class ChangeExpertEntryValidator : AbstractValidator<ChangeExpertEntry>
{
    public ChangeExpertEntryValidator()
    {
        this.ExpectedVersionRule();
        this.EntryRules();
    }
}

public static class ChangeExpertEntryEndpoint
{
    /// <summary>
    /// Changes an expert's entry: name, affiliation, fields of expertise, e-mail address. Not once they are withdrawn
    /// (<c>expert.withdrawn</c>); answers the entry's new version. Assignments made earlier keep the name they were made with.
    /// </summary>
    [Authorize(Roles = Roles.ExpertDirectoryKeepers)]
    [WolverinePut("/api/experts/{expertId}")]
    public static (CommandAccepted, Events) Put(
        ChangeExpertEntry command,
        [WriteAggregate("expertId")] Expert expert,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events =
        [
            ExpertDecider.Change(expert, new ExpertProfile(command.DisplayName, command.Affiliation, command.Fields ?? [], command.Email),
                user.Stamp(clock)),
        ];
        return (CommandAccepted.After(expert.Id, command, events), events);
    }
}
