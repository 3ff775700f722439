using System.Security.Claims;
using Fachwerk.Application.Common;

namespace Fachwerk.Application.Applications;

/// <summary>Whose cases a list asks for: <c>me</c> (the caller), a user id, or <c>none</c> (the team's queue).</summary>
/// <param name="Id">The person's user id; none for the queue.</param>
public sealed record Assignee(string? Id)
{
    public const string Me = "me";
    public const string Nobody = "none";

    public bool InQueue => Id is null;

    /// <summary>The filter a query's <c>assignedTo</c> value asks for; null when it asks for none.</summary>
    public static Assignee? Wanted(string? assignedTo, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrWhiteSpace(assignedTo)) return null;
        var value = assignedTo.Trim();
        if (string.Equals(value, Me, StringComparison.OrdinalIgnoreCase)) return new Assignee(user.UserId());
        return string.Equals(value, Nobody, StringComparison.OrdinalIgnoreCase) ? new Assignee((string?)null) : new Assignee(value);
    }
}
