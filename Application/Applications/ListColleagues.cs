using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace Fachwerk.Application.Applications;

public static class ListColleaguesEndpoint
{
    /// <summary>
    /// Lists the team's caseworkers and approvers a case can be assigned to, by name. Auditors and administrators read it too:
    /// it names who the assignments on the cases they read went to.
    /// </summary>
    [Authorize(Roles = Roles.Staff)]
    [WolverineGet("/api/colleagues")]
    public static IReadOnlyList<Colleague> List(IOptions<TeamOptions> team) =>
        [.. team.Value.Members.Select(m => new Colleague(m.Id, m.Name)).OrderBy(c => c.Name, StringComparer.CurrentCulture)];
}
