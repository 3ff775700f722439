using Fachwerk.Application.Common;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Programmes;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Fachwerk.Application.Programmes;

/// <summary>Which version of a programme's application form to read.</summary>
/// <param name="Version">The form version (from 1); the current one when not given.</param>
public sealed record ApplicationFormQuery(int? Version = null);

public sealed class ApplicationFormQueryValidator : AbstractValidator<ApplicationFormQuery>
{
    public ApplicationFormQueryValidator() => RuleFor(x => x.Version).GreaterThanOrEqualTo(1);
}

public static class GetApplicationFormEndpoint
{
    /// <summary>
    /// Reads a programme's application form (ADR 0122): its current version, or the version named (the one an application keeps).
    /// 404 when the programme has no form, or not that version.
    /// </summary>
    [WolverineGet("/api/programmes/{id}/application-form")]
    public static async Task<ApplicationForm> Get(Guid id, [FromQuery] ApplicationFormQuery query, IQuerySession session, CancellationToken cancellation)
    {
        // The inline snapshot (ProgrammesModule): folding the stream would replay every commitment of the programme.
        var programme = await session.LoadAsync<FundingProgramme>(id, cancellation)
                        ?? throw new UnknownEntity(Problems.NotFoundCode, $"There is no funding programme with id {id}.");
        return (query.Version is { } number ? programme.Form(number) : programme.CurrentForm)
               ?? throw new UnknownEntity(Problems.NotFoundCode, query.Version is null
                   ? $"{programme.Name} has no application form."
                   : $"{programme.Name} has no application form version {query.Version}.");
    }
}
