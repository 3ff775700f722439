using Fachwerk.Application.Common;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using Wolverine.Http;

namespace Fachwerk.Application.Applications;

/// <summary>The open tasks of a role on one person's cases, or on the cases nobody is assigned to (the team's queue).</summary>
/// <param name="Role">The role the tasks wait for: <c>caseworker</c> or <c>approver</c>.</param>
/// <param name="AssignedTo">The user id of the person the cases are assigned to; none for the team's queue.</param>
/// <param name="AssignedToName">Their name.</param>
/// <param name="Tasks">How many tasks wait.</param>
/// <param name="Overdue">How many of them are overdue (due date passed, or a reminder raised).</param>
public sealed record TaskQueue(string Role, string? AssignedTo, string? AssignedToName, long Tasks, long Overdue);

public static class GetTaskQueuesEndpoint
{
    /// <summary>The roles whose tasks the team of the funding authority does.</summary>
    public static readonly string[] TeamRoles = [Roles.Caseworker, Roles.Approver];

    // Counted in SQL from the inbox's index alone (it includes the assignee and the reminder), however many tasks there are.
    /// <summary>
    /// Counts the team's queues: per role (caseworker, approver), the tasks on the cases nobody is assigned to and on each
    /// person's cases, with how many are overdue. Queues with overdue tasks first, then the longest.
    /// </summary>
    [Authorize(Roles = Roles.Staff)]
    [WolverineGet("/api/inbox/queues")]
    public static async Task<IReadOnlyList<TaskQueue>> Queues(IQuerySession session, TimeProvider clock, CancellationToken cancellation)
    {
        var table = session.DocumentStore.Options.Schema.For<InboxTask>();
        await using var command = new NpgsqlCommand(
            "select waiting_for, assigned_to, max(assigned_to_name), count(*), count(*) filter (where due_by <= @now or reminder_raised) " +
            $"from {table} where waiting_for = any(@roles) group by waiting_for, assigned_to");
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        command.Parameters.AddWithValue("roles", TeamRoles);

        var queues = new List<TaskQueue>();
        await using (var reader = await session.ExecuteReaderAsync(command, cancellation))
        {
            while (await reader.ReadAsync(cancellation))
            {
                queues.Add(new TaskQueue(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.GetInt64(3), reader.GetInt64(4)));
            }
        }

        return [.. queues.OrderByDescending(q => q.Overdue > 0).ThenBy(q => Array.IndexOf(TeamRoles, q.Role)).ThenBy(q => q.AssignedTo is not null)
            .ThenByDescending(q => q.Tasks).ThenBy(q => q.AssignedToName, StringComparer.Ordinal)];
    }
}
