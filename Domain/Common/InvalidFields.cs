namespace Fachwerk.Domain.Common;

/// <summary>One field of a command whose value a rule refuses, e.g. <c>extra.teilnehmende</c> with <c>form.above-max</c>.</summary>
/// <param name="Field">The field's JSON path in the command.</param>
/// <param name="Code">Stable, machine-readable reason.</param>
/// <param name="Message">What is wrong, in English.</param>
public sealed record FieldError(string Field, string Code, string Message);

/// <summary>
/// A command was refused because values the caller typed break rules only the state knows (a programme's application form):
/// decide functions throw it before anything is appended; the host answers 400 with the fields, like an invalid request.
/// </summary>
public sealed class InvalidFields(IReadOnlyList<FieldError> errors)
    : Exception(string.Join(" ", errors.Select(e => $"{e.Field}: {e.Message}")))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;
}
