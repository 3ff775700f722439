using Fachwerk.Application.Common;
using Fachwerk.Application.Network.Activities;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network;
using Fachwerk.Domain.Network.Activities;
using Fachwerk.Domain.Network.Series;
using Marten;
using Wolverine.Http;
using Wolverine.Http.Marten;

namespace Fachwerk.Application.Network.Series;

/// <summary>One occurrence of a series, beside the one before it.</summary>
/// <param name="ActivityId">The activity.</param>
/// <param name="Title">Its title.</param>
/// <param name="Year">The year it took place (or is planned for).</param>
/// <param name="Dates">The days it was held, or is planned for.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Attendance">How many came, by group (held ones only).</param>
/// <param name="TotalAttendance">How many came in all.</param>
/// <param name="Registrations">Confirmed registrations.</param>
/// <param name="ContactsMade">Contacts made.</param>
/// <param name="Placements">Placements that came of it.</param>
/// <param name="AttendanceChangePercent">The change in attendance against the previous held occurrence, in percent.</param>
public sealed record SeriesOccurrence(
    Guid ActivityId,
    string Title,
    int Year,
    Period Dates,
    ActivityStatus Status,
    IReadOnlyDictionary<AttendeeGroup, int> Attendance,
    int? TotalAttendance,
    int Registrations,
    int? ContactsMade,
    int? Placements,
    decimal? AttendanceChangePercent);

/// <summary>A series with its occurrences in time order, so that they can be compared year on year.</summary>
/// <param name="Series">The series.</param>
/// <param name="Occurrences">Its activities, earliest first, each with the change in attendance against the previous held one.</param>
public sealed record ActivitySeriesView(ActivitySeriesDetails Series, IReadOnlyList<SeriesOccurrence> Occurrences);

/// <summary>One row of the list of series.</summary>
/// <param name="Id">The series' id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">The kind of its activities.</param>
/// <param name="Recurrence">How often they recur.</param>
/// <param name="AllianceId">The alliance whose work it is, if any.</param>
public sealed record ActivitySeriesSummary(Guid Id, string Name, ActivityKind Kind, Recurrence Recurrence, Guid? AllianceId);

public static class GetActivitySeriesEndpoints
{
    /// <summary>Reads a series with its occurrences year by year: attendance by group, registrations, contacts, placements and the change in attendance.</summary>
    [WolverineGet("/api/activity-series/{id}")]
    public static async Task<ActivitySeriesView> Get([Document] ActivitySeriesDetails series, IQuerySession session, CancellationToken cancellation)
    {
        var activities = await session.Query<ActivityDetails>().Where(a => a.SeriesId == series.Id).ToListAsync(cancellation);
        var occurrences = new List<SeriesOccurrence>();
        int? previous = null;
        foreach (var activity in activities.OrderBy(a => a.Day))
        {
            var outcome = activity.Outcome;
            decimal? change = outcome is not null && previous is > 0
                ? Math.Round((outcome.TotalAttendance - previous.Value) * 100m / previous.Value, 1, MidpointRounding.AwayFromZero)
                : null;
            occurrences.Add(new SeriesOccurrence(activity.Id, activity.Title, activity.Day.Year, outcome?.Held ?? activity.Dates, activity.Status,
                outcome?.Attendance ?? new Dictionary<AttendeeGroup, int>(), outcome?.TotalAttendance, activity.RegistrationCounts.Confirmed,
                outcome?.ContactsMade, outcome?.Placements, change));
            if (outcome is not null) previous = outcome.TotalAttendance;
        }

        return new ActivitySeriesView(series, occurrences);
    }

    /// <summary>Lists the series of recurring activities, by name.</summary>
    [WolverineGet("/api/activity-series")]
    public static async Task<IReadOnlyList<ActivitySeriesSummary>> List(IQuerySession session, CancellationToken cancellation) =>
        [.. (await session.Query<ActivitySeriesDetails>().OrderBy(s => s.Name).ToListAsync(cancellation))
            .Select(s => new ActivitySeriesSummary(s.Id, s.Name, s.Kind, s.Recurrence, s.AllianceId))];
}
