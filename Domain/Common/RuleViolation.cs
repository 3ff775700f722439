namespace Fachwerk.Domain.Common;

/// <summary>
/// A command was refused because it would break a business rule or is not allowed in the current state.
/// Decide functions throw it before anything is appended; the host turns it into a 409 ProblemDetails.
/// </summary>
/// <param name="code">Stable, machine-readable reason, e.g. <c>alliance.already-recognized</c>.</param>
public sealed class RuleViolation(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
