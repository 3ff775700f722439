using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Network;

/// <summary>
/// Rules shared by the network's decide functions. "Today" is the stamp's day in Germany, where the regions work and where the
/// forms propose today's date (in UTC it is still yesterday for the first hours of a German day): what has happened (an activity
/// held, a seal awarded, a session) may be recorded later, never ahead; what is planned may lie in the future.
/// </summary>
public static class NetworkRules
{
    public static DateOnly Today(Stamp stamp) => AuthorityCalendar.DayOf(stamp.At);

    /// <summary>Refuses with <paramref name="code"/> when <paramref name="day"/> lies after today.</summary>
    public static void EnsureNotInFuture(DateOnly day, Stamp stamp, string code)
    {
        if (day > Today(stamp))
            throw new RuleViolation(code, $"{day:yyyy-MM-dd} lies in the future; record what has happened.");
    }

    /// <summary>Refuses with <paramref name="code"/> when <paramref name="day"/> lies before <paramref name="earliest"/>.</summary>
    public static void EnsureNotBefore(DateOnly day, DateOnly earliest, string code, string what)
    {
        if (day < earliest)
            throw new RuleViolation(code, $"{what} on {day:yyyy-MM-dd} cannot lie before {earliest:yyyy-MM-dd}.");
    }

    /// <summary>Personal data must be sealed with the key of the person they are recorded for.</summary>
    public static void EnsureSealedFor(Guid personId, SealedPersonalData personalData)
    {
        if (personalData.SubjectId != personId)
            throw new RuleViolation("network.personal-data-of-another-person", "The personal data are sealed for another person.");
    }

    /// <summary>The parties trimmed, each once (by id); refuses with <paramref name="code"/> when one is listed twice.</summary>
    public static IReadOnlyList<NetworkParty> EachOnce(IEnumerable<NetworkParty> parties, string code)
    {
        var list = parties.ToList();
        var twice = list.GroupBy(p => p.Id).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw new RuleViolation(code, $"'{twice.First().Name}' is listed more than once.");
        return list;
    }
}
