using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Programmes;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Programmes;

/// <summary>
/// States which natural persons may apply to the programme (e.g. medical students and doctors to a district's doctor-recruitment
/// guideline) and how many years their personal data are kept after their case ended. No kinds: organisations only (ADR 0123).
/// </summary>
/// <param name="Kinds">The kinds of persons who may apply; empty: organisations only.</param>
/// <param name="RetentionYears">Whole years (0 to 30) the personal data are kept after the case ended.</param>
public sealed record SetPersonApplicants(long ExpectedVersion, IReadOnlyList<PersonApplicantKind> Kinds, int RetentionYears, string? Reason = null)
    : IChangeCommand;

public sealed class SetPersonApplicantsValidator : ChangeCommandValidator<SetPersonApplicants>
{
    public SetPersonApplicantsValidator()
    {
        RuleFor(x => x.Kinds).NotNull();
        RuleForEach(x => x.Kinds).IsInEnum();
        RuleFor(x => x.RetentionYears).InclusiveBetween(0, ProgrammeDecider.MaxRetentionYears);
    }
}

public static class SetPersonApplicantsEndpoint
{
    /// <summary>
    /// States which natural persons may apply to the programme and how long their data are kept after their case ended (ADR 0123).
    /// Answers the programme's new version (unchanged rules record nothing).
    /// </summary>
    [Authorize(Roles = Roles.ProgrammeManagers)]
    [WolverinePut("/api/programmes/{programmeId}/person-applicants")]
    public static (CommandAccepted, Events) Put(
        SetPersonApplicants command,
        [WriteAggregate("programmeId")] FundingProgramme programme,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [.. ProgrammeDecider.SetPersonApplicants(programme, command.Kinds, command.RetentionYears, user.Stamp(clock))];
        return (CommandAccepted.After(programme.Id, command, events), events);
    }
}
