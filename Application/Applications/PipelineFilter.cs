using Fachwerk.Application.Common;
using FluentValidation;
using Npgsql;

namespace Fachwerk.Application.Applications;

/// <summary>Which of an alliance's applications a pipeline counts.</summary>
/// <param name="ProgrammeId">Only applications to this programme.</param>
/// <param name="From">Only applications submitted on or after this day (German time); drafts, never submitted, are then left out.
/// Over time: submissions and approvals on or after this day.</param>
/// <param name="To">Only applications submitted on or before this day (German time). Over time: submissions and approvals on or
/// before this day.</param>
/// <param name="District">Only applications for projects in this district (as the alliance spells it; case does not matter).</param>
public sealed record PipelineFilter(Guid? ProgrammeId = null, DateOnly? From = null, DateOnly? To = null, string? District = null)
{
    /// <summary>
    /// The filter as SQL conditions on the pipeline index's columns (so the query stays an index-only scan), with
    /// <paramref name="moment"/> the column the period applies to; its parameters are added to <paramref name="command"/> once, however often
    /// the query applies it.
    /// </summary>
    internal string Conditions(NpgsqlCommand command, string moment)
    {
        var conditions = "";
        if (ProgrammeId is { } programme)
        {
            conditions += " and programme_id = @programme";
            if (!command.Parameters.Contains("programme")) command.Parameters.AddWithValue("programme", programme);
        }

        if (!string.IsNullOrWhiteSpace(District))
        {
            conditions += " and lower(district) = lower(@district)";
            if (!command.Parameters.Contains("district")) command.Parameters.AddWithValue("district", District.Trim());
        }

        if (From is { } from)
        {
            conditions += $" and ({moment} at time zone 'Europe/Berlin')::date >= @from";
            if (!command.Parameters.Contains("from")) command.Parameters.AddWithValue("from", from);
        }

        if (To is { } to)
        {
            conditions += $" and ({moment} at time zone 'Europe/Berlin')::date <= @to";
            if (!command.Parameters.Contains("to")) command.Parameters.AddWithValue("to", to);
        }

        return conditions;
    }
}

public sealed class PipelineFilterValidator : AbstractValidator<PipelineFilter>
{
    public PipelineFilterValidator()
    {
        RuleFor(x => x.From!.Value).PlausibleDate().When(x => x.From is not null).OverridePropertyName(nameof(PipelineFilter.From));
        RuleFor(x => x.To!.Value).PlausibleDate().When(x => x.To is not null).OverridePropertyName(nameof(PipelineFilter.To));
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null)
            .WithMessage("The last day cannot be before the first.");
        RuleFor(x => x.District).MaximumLength(CommonRules.ShortTextLength).When(x => x.District is not null);
    }
}
