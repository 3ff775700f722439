using Fachwerk.Domain.Applications;

namespace Fachwerk.Application.Applications;

/// <summary>
/// The funding authority's team of caseworkers and approvers (configuration section "Team"): the colleagues a case can be
/// handed to. Who leads the team is a role in the token (<c>team-lead</c>), not listed here.
/// </summary>
public sealed class TeamOptions
{
    public const string Section = "Team";

    /// <summary>The people, by their user id (the token's <c>sub</c>) and name.</summary>
    public List<TeamMember> Members { get; set; } = [];

    /// <summary>The colleague with this user id, if the team has one.</summary>
    public Colleague? Find(string id) =>
        Members.FirstOrDefault(m => string.Equals(m.Id, id, StringComparison.OrdinalIgnoreCase)) is { } member ? new Colleague(member.Id, member.Name) : null;
}

/// <summary>A member of the team as configured.</summary>
public sealed class TeamMember
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";
}
