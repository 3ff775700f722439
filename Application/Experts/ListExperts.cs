using Fachwerk.Application.Common;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Fachwerk.Application.Experts;

/// <summary>Which experts to list.</summary>
/// <param name="Field">Only experts with this field of expertise (the whole field, any case).</param>
/// <param name="Active">Only the assignable experts (true) or only the withdrawn ones (false); both when absent.</param>
public sealed record ExpertQuery(string? Field = null, bool? Active = null);

public sealed class ExpertQueryValidator : AbstractValidator<ExpertQuery>
{
    public ExpertQueryValidator() => RuleFor(x => x.Field).MaximumLength(CommonRules.ShortTextLength);
}

public static class ListExpertsEndpoint
{
    /// <summary>
    /// Lists the directory of external experts by name, filtered by a field of expertise and by whether they are assignable. The
    /// directory is short (those the funding authority vetted), so the list is not paged.
    /// </summary>
    [Authorize(Roles = Roles.ExpertDirectoryReaders)]
    [WolverineGet("/api/experts")]
    public static async Task<IReadOnlyList<ExpertEntry>> List([FromQuery] ExpertQuery query, IQuerySession session, CancellationToken cancellation)
    {
        var experts = await session.Query<ExpertEntry>().ToListAsync(cancellation);
        var field = query.Field?.Trim();
        return
        [
            .. experts
                .Where(e => query.Active is not { } active || e.Active == active)
                .Where(e => string.IsNullOrEmpty(field) || e.Fields.Contains(field, StringComparer.OrdinalIgnoreCase))
                .OrderBy(e => e.DisplayName, StringComparer.CurrentCulture).ThenBy(e => e.UserId, StringComparer.Ordinal),
        ];
    }
}
