using System.Globalization;
using System.Text.Json;

namespace Fachwerk.Benchmarks.Measuring;

/// <summary>
/// (issue 25, item 1) Who sent each of the host's round trips, read from its log written with <c>Database:StatementLogging</c>:
/// Npgsql writes a line for every statement or batch it sends (one round trip) and for every commit or rollback (one more), each
/// with its connection. The lines of one connection from a transaction's start to its end are one unit of work; a round trip
/// outside a transaction is a unit of its own. A unit is named by the tables and functions its statements touch: the command
/// itself, a step of the budget workflow, the decision letter, the mail handler, a page of the notification subscription or of
/// the async projections, the daemon's loads and high-water mark, Wolverine's polling.
/// </summary>
public static class RoundTripOrigins
{
    /// <summary>What the host does by itself at a steady pace, idle or not: measured idle and subtracted from a busy window.</summary>
    public static readonly IReadOnlySet<string> Polling = new HashSet<string>
    {
        "daemon: high-water mark", "daemon: progress read", "Wolverine: inbox and outbox polling", "Wolverine: durability agent", "advisory locks", "other",
    };

    /// <summary>A unit of work: when it began, what it was, and how many round trips it took.</summary>
    public sealed record Unit(DateTime Start, string Origin, int RoundTrips);

    /// <summary>The units of work in the host's log (lines that are not Npgsql's JSON lines are passed over).</summary>
    public static IReadOnlyList<Unit> Read(string logPath)
    {
        var units = new List<Unit>();
        var open = new Dictionary<long, (DateTime Start, List<string> Statements)>();
        foreach (var line in File.ReadLines(logPath))
        {
            if (!line.StartsWith("{", StringComparison.Ordinal) || !line.Contains("\"Npgsql.", StringComparison.Ordinal)) continue;
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (!root.TryGetProperty("Timestamp", out var stamp) || !root.TryGetProperty("State", out var state) ||
                !state.TryGetProperty("ConnectorId", out var connectorId)) continue;
            var at = DateTime.Parse(stamp.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            var connector = connectorId.GetInt64();
            var message = root.GetProperty("Message").GetString() ?? "";
            if (message.StartsWith("Starting transaction", StringComparison.Ordinal))
            {
                open[connector] = (at, []);
            }
            else if (message.StartsWith("Executing command", StringComparison.Ordinal) || message.StartsWith("Executing batch", StringComparison.Ordinal))
            {
                if (open.TryGetValue(connector, out var unit)) unit.Statements.Add(message);
                else units.Add(new Unit(at, Of([message]), 1));
            }
            else if (message.StartsWith("Committed transaction", StringComparison.Ordinal) || message.StartsWith("Rolled back transaction", StringComparison.Ordinal))
            {
                if (open.Remove(connector, out var unit)) units.Add(new Unit(unit.Start, Of(unit.Statements), unit.Statements.Count + 1));
                else units.Add(new Unit(at, "other", 1));
            }
        }

        return units;
    }

    /// <summary>Round trips by origin of the units that began in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static Dictionary<string, double> Count(IReadOnlyList<Unit> units, DateTime from, DateTime to) =>
        units.Where(u => u.Start >= from && u.Start < to).GroupBy(u => u.Origin).ToDictionary(g => g.Key, g => (double)g.Sum(u => u.RoundTrips));

    /// <summary>What a unit of work was, from what its statements touch (the first rule that matches).</summary>
    public static string Of(IReadOnlyList<string> statements)
    {
        var text = string.Join('\n', statements).ToLowerInvariant();
        bool Has(string part) => text.Contains(part, StringComparison.Ordinal);
        // The daemon's high-water detection: the sequence, its gaps, and the fence Marten writes with each mark.
        if (Has("highwaterallocationfence") || Has("first_after") || Has("mt_events_sequence") || Has("max(seq_id)") || Has("mt_mark_event_progression"))
            return "daemon: high-water mark";
        if (Has("mt_event_progression") && (Has("set last_seq_id") || Has("insert into")))
            return Has("mt_doc_notification") ? "notification subscription: page" : Has("insert into fachwerk.mt_doc_") ? "async projections: page" : "daemon: progress of a page with nothing to write";
        if (Has("mt_document_content")) return "decision letter";
        if (Has("mt_doc_commitment") && Has("wolverine_incoming")) return "budget step";
        if (Has("mt_doc_notification") && !Has("mt_quick_append")) return "mail handler";
        if (Has("mt_quick_append")) return Has("wolverine_incoming_envelopes set status") ? "other message handler" : "command";
        if (Has("fachwerk.mt_events") && Has("seq_id >")) return "daemon: event page load";
        if (Has("mt_event_progression")) return "daemon: progress read";
        if (Has("wolverine_incoming") || Has("wolverine_outgoing")) return "Wolverine: inbox and outbox polling";
        if (Has("wolverine_")) return "Wolverine: durability agent";
        if (Has("advisory")) return "advisory locks";
        // An async projection reads the documents a page changes before its transaction.
        if (Has("mt_doc_applicationrulecheck") || Has("mt_doc_programmebudget") || Has("mt_doc_regionbudget") || Has("mt_doc_pilotdemand"))
            return "async projections: page";
        return "other";
    }
}
