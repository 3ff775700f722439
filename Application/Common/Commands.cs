using System.Security.Claims;
using Fachwerk.Domain.Common;

namespace Fachwerk.Application.Common;

/// <summary>Every command may say why it is sent; the reason is stored as event metadata (header "reason").</summary>
public interface ICommand
{
    /// <summary>Why the command is sent, in a sentence; kept with the recorded change for the audit trail (never personal data).</summary>
    string? Reason { get; }
}

/// <summary>A command on an existing stream: it names the stream version the sender last saw (optimistic concurrency).</summary>
public interface IChangeCommand : ICommand
{
    /// <summary>
    /// The version of the record the command was based on, as last read (the <c>version</c> of its answer or view). If someone
    /// changed the record since, the command is refused with <c>stale-version</c>.
    /// </summary>
    long ExpectedVersion { get; }
}

/// <summary>Answer to an accepted command: the stream and its version after the command, for the next expected version.</summary>
/// <param name="Id">The record the command changed.</param>
/// <param name="Version">Its version after the command: send it as <c>expectedVersion</c> with the next command on it.</param>
public sealed record CommandAccepted(Guid Id, long Version)
{
    public static CommandAccepted After(Guid id, IChangeCommand command, IReadOnlyCollection<object> appended) =>
        new(id, command.ExpectedVersion + appended.Count);
}

public static class Actor
{
    public const string UserIdClaim = UserClaims.Subject;

    /// <summary>The stable user id of the authenticated caller (the "sub" claim, or the name identifier).</summary>
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(UserIdClaim)
        ?? user.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new InvalidOperationException("The caller is not authenticated: no user id claim.");

    public static Stamp Stamp(this ClaimsPrincipal user, TimeProvider clock) => new(user.UserId(), clock.GetUtcNow());
}
