using System.Text.Json;
using Fachwerk.Benchmarks.Measuring;

namespace Fachwerk.IntegrationTests.Benchmarks;

/// <summary>How the harness reads who sent the host's round trips from its statement log (issue 25, item 1).</summary>
public sealed class RoundTripOriginsTests : IDisposable
{
    private static readonly DateTime At = new(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc);
    private readonly string _log = Path.Combine(Path.GetTempPath(), $"fachwerk-statements-{Guid.NewGuid():N}.log");

    [Fact]
    public void A_transaction_is_one_unit_of_its_round_trips_and_its_commit_and_a_statement_outside_one_is_a_unit_of_its_own()
    {
        Write(
            Line(0, "Npgsql.Transaction", "Starting transaction", connector: 1),
            Line(1, "Npgsql.Command", "Executing batch: [select d.id, d.data from fachwerk.mt_doc_person as d where id = $1, select data from fachwerk.mt_events where stream_id = $1]", connector: 1),
            // Another connection's daemon load between the command's round trips belongs to neither.
            Line(2, "Npgsql.Command", "Executing command: select d.data, d.seq_id from fachwerk.mt_events as d where d.seq_id > $1 and d.seq_id <= $2", connector: 2),
            Line(3, "Npgsql.Command", "Executing batch: [select fachwerk.mt_quick_append_events($1,$2), insert into fachwerk.mt_doc_applicationsummary (id) values ($1)]", connector: 1),
            Line(4, "Npgsql.Transaction", "Committed transaction", connector: 1),
            "not a JSON line: the host's other output",
            Line(5, "Npgsql.Command", "Command execution completed (duration=1ms): select 1", connector: 2));

        var units = RoundTripOrigins.Read(_log);

        units.ShouldBe([
            new RoundTripOrigins.Unit(At, "command", 3),
            new RoundTripOrigins.Unit(At.AddMilliseconds(2), "daemon: event page load", 1),
        ], ignoreOrder: true);
        RoundTripOrigins.Count(units, At, At.AddMilliseconds(1)).ShouldBe(new Dictionary<string, double> { ["command"] = 3 });
        RoundTripOrigins.Count(units, At.AddMilliseconds(1), At.AddSeconds(1)).ShouldBe(new Dictionary<string, double> { ["daemon: event page load"] = 1 });
    }

    [Theory]
    [InlineData("insert into fachwerk.mt_event_progression(name, last_seq_id, last_updated) select 'HighWaterAllocationFence', alloc.high", "daemon: high-water mark")]
    [InlineData("insert into fachwerk.mt_doc_notification (id) values ($1) | update fachwerk.mt_event_progression set last_seq_id = $1 where name = $2", "notification subscription: page")]
    [InlineData("insert into fachwerk.mt_doc_applicationrulecheck (id) values ($1) | update fachwerk.mt_event_progression set last_seq_id = $1 where name = $2", "async projections: page")]
    [InlineData("update fachwerk.mt_event_progression set last_seq_id = $1 where name = $2", "daemon: progress of a page with nothing to write")]
    [InlineData("select fachwerk.mt_quick_append_events($1) | INSERT INTO fachwerk.mt_document_content (sha256) VALUES ($1)", "decision letter")]
    [InlineData("select d.data from fachwerk.mt_doc_commitment as d where id = ANY($1) | update \"fachwerk\".wolverine_incoming_envelopes set status = $4", "budget step")]
    [InlineData("insert into fachwerk.mt_doc_notification (id) values ($1) | update \"fachwerk\".wolverine_incoming_envelopes set status = $4", "mail handler")]
    [InlineData("select fachwerk.mt_quick_append_events($1) | update \"fachwerk\".wolverine_incoming_envelopes set status = $4", "other message handler")]
    [InlineData("select d.id, d.data from fachwerk.mt_doc_person as d where id = $1 | select fachwerk.mt_quick_append_events($1)", "command")]
    [InlineData("select body, id from \"fachwerk\".wolverine_incoming_envelopes where owner_id = $1", "Wolverine: inbox and outbox polling")]
    [InlineData("select id from fachwerk.wolverine_nodes", "Wolverine: durability agent")]
    [InlineData("select d.id, d.data from fachwerk.mt_doc_programmebudget as d where id = ANY($1)", "async projections: page")]
    public void A_unit_is_named_by_what_its_statements_touch(string statements, string origin) =>
        RoundTripOrigins.Of(statements.Split(" | ")).ShouldBe(origin);

    public void Dispose() => File.Delete(_log);

    private void Write(params string[] lines) => File.WriteAllLines(_log, lines);

    /// <summary>A line as the host's JSON console writes Npgsql's entry, with the harness's timestamp format.</summary>
    private static string Line(int milliseconds, string category, string message, int connector) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["Timestamp"] = At.AddMilliseconds(milliseconds).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
            ["LogLevel"] = "Debug",
            ["Category"] = category,
            ["Message"] = message,
            ["State"] = new Dictionary<string, object> { ["Message"] = message, ["ConnectorId"] = connector },
            ["Scopes"] = Array.Empty<object>(),
        });
}
