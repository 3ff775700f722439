using System.Security.Claims;
using System.Text.Json.Serialization;
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
    /// <summary>
    /// What the command created inside the record, by the key its routes use: a payment request's number, a document request's
    /// number, a proposal's number, a proof of use's name. Absent when the command created nothing addressable.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CreatedItem? Created { get; init; }

    /// <summary>Work the command started that finishes after this answer, and where to watch for its outcome. Absent when there is none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public FollowUp? FollowUp { get; init; }

    public static CommandAccepted After(Guid id, IChangeCommand command, IReadOnlyCollection<object> appended) =>
        new(id, command.ExpectedVersion + appended.Count);

    /// <summary>The answer naming what the command created.</summary>
    public CommandAccepted Creating(string kind, object key) => this with { Created = new CreatedItem(kind, Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture)!) };
}

/// <summary>Something a command created inside a record.</summary>
/// <param name="Kind">What it is: <c>payment-request</c>, <c>document-request</c>, <c>proposal</c>, <c>proof-of-use</c>.</param>
/// <param name="Key">The number or name its routes use, e.g. <c>3</c> in <c>/payment-requests/3/check</c>.</param>
public sealed record CreatedItem(string Kind, string Key);

/// <summary>Work a command started that finishes after its answer.</summary>
/// <param name="What">What happens next, in words.</param>
/// <param name="Watch">Where to read the outcome.</param>
/// <param name="Until">What the outcome looks like there.</param>
public sealed record FollowUp(string What, string Watch, string Until);

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
