using System.Text.RegularExpressions;

namespace Fachwerk.Benchmarks.Postgres;

/// <summary>
/// Who sent a statement, told from the tables and functions it names (issue 25: count and name every transaction and round trip
/// of a command): transaction control, the event append and stream reads, read models and documents, the daemon's polling and
/// progress, Wolverine's inbox and outbox, its durability agent, advisory locks, Npgsql's reset of a pooled connection.
/// </summary>
public static partial class StatementSources
{
    public static string Of(string query)
    {
        var text = query.TrimStart().ToLowerInvariant();
        if (text.StartsWith("begin", StringComparison.Ordinal) || text.StartsWith("start transaction", StringComparison.Ordinal)) return "begin";
        if (text.StartsWith("commit", StringComparison.Ordinal) || text.StartsWith("rollback", StringComparison.Ordinal)) return "commit";
        // Npgsql resets a connection returned to the pool with DISCARD ALL, or, once it has prepared statements it keeps, with the
        // seven statements DISCARD ALL stands for minus the plans; they go out with the next command on that connection.
        if (text.StartsWith("discard", StringComparison.Ordinal) || text is "unlisten *" or "close all" or "reset all" or "set session authorization default" ||
            text.StartsWith("select pg_advisory_unlock_all()", StringComparison.Ordinal))
            return "connection reset";
        if (text.Contains("wolverine_incoming", StringComparison.Ordinal) || text.Contains("wolverine_outgoing", StringComparison.Ordinal) ||
            text.Contains("wolverine_dead_letters", StringComparison.Ordinal))
            return "Wolverine inbox/outbox";
        if (text.Contains("wolverine_", StringComparison.Ordinal)) return "Wolverine durability agent";
        if (text.Contains("advisory", StringComparison.Ordinal)) return "advisory locks";
        if (text.Contains("mt_event_progression", StringComparison.Ordinal) || text.Contains("mt_mark_event_progression", StringComparison.Ordinal) ||
            HighWaterMark().IsMatch(text))
            return "daemon polling and progress";
        if (text.Contains("mt_quick_append", StringComparison.Ordinal) || text.Contains("mt_append", StringComparison.Ordinal) ||
            text.Contains("insert into fachwerk.mt_events", StringComparison.Ordinal) || text.Contains("mt_streams", StringComparison.Ordinal))
            return "event append";
        if (text.Contains("fachwerk.mt_events", StringComparison.Ordinal)) return "event reads";
        if (text.Contains("mt_doc_", StringComparison.Ordinal) || text.Contains("mt_upsert_", StringComparison.Ordinal))
            return text.StartsWith("select", StringComparison.Ordinal) || text.StartsWith("with", StringComparison.Ordinal) ? "document reads" : "document writes";
        return "other";
    }

    /// <summary>The daemon's high-water detection reads the sequence and the gaps in it.</summary>
    [GeneratedRegex(@"mt_events_sequence|max\(seq_id\)|seq_id\s*>\s*\$")]
    private static partial Regex HighWaterMark();
}
