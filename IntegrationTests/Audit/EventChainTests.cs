using Fachwerk.Application.Applications;
using Fachwerk.Application.Audit;
using Fachwerk.Domain.Applications;
using Fachwerk.Host.Audit;
using Fachwerk.IntegrationTests.Infrastructure;
using Marten;
using Npgsql;
using NpgsqlTypes;
using Weasel.Core;
using Wolverine.Tracking;

namespace Fachwerk.IntegrationTests.Audit;

public class EventChainTests(AppFixture fixture) : AuditApi(fixture)
{
    [Fact]
    public async Task Every_event_is_linked_to_the_one_before_it_by_the_hash_the_verifier_recomputes()
    {
        var id = await Approved();

        var links = await Verifier.LinksAsync(id, Cancellation);
        await using var session = Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(id, token: Cancellation);

        links.Select(l => l.Version).ShouldBe(events.Select(e => e.Version));
        links.Select(l => l.Sequence).ShouldBe(events.Select(e => e.Sequence));
        links[0].PreviousHash.ShouldBeNull();
        for (var i = 1; i < links.Count; i++) links[i].PreviousHash.ShouldBe(links[i - 1].Hash);
        links.Select(l => l.Hash).Distinct().Count().ShouldBe(links.Count);

        var verification = await Get<ChainVerification>(Auditor, $"/api/audit/chains/verification?streamId={id}");
        verification.Intact.ShouldBeTrue();
        verification.Streams.ShouldBe(1);
        verification.Events.ShouldBe(events.Count);
        verification.Breaks.ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_stream_of_the_store_verifies_and_the_digest_covers_every_head()
    {
        var id = await Approved();

        var verification = await Get<ChainVerification>(Auditor, "/api/audit/chains/verification");
        var digest = await Get<ChainDigest>(Auditor, "/api/audit/chains/digest");

        // Two organisations, the alliance, the programme and the application.
        verification.Intact.ShouldBeTrue();
        verification.Streams.ShouldBe(5);
        verification.Events.ShouldBe(await EventCount());
        digest.Intact.ShouldBeTrue();
        digest.ExportedBy.ShouldBe(Auditor.Id);
        digest.Heads.Count.ShouldBe(5);
        digest.Heads.Select(h => h.StreamId.ToString("D")).ShouldBe(digest.Heads.Select(h => h.StreamId.ToString("D")).Order(StringComparer.Ordinal));
        digest.Heads.Single(h => h.StreamId == id).Hash.ShouldBe((await Verifier.LinksAsync(id, Cancellation))[^1].Hash);
        digest.Digest.ShouldBe(EventChainHash.Digest(digest.Heads));
        digest.Digest.Length.ShouldBe(64);
    }

    [Fact]
    public async Task Altering_the_data_of_a_stored_event_breaks_its_link_and_the_verification_names_it()
    {
        var id = await Approved();
        var other = await Submitted(await LaunchProgramme());

        // Someone with database access raises the requested amount recorded when the application was drafted.
        (await Sql($"UPDATE {{schema}}.mt_events SET data = jsonb_set(data, '{{plan,requestedAmount}}', '90000') " +
                   $"WHERE stream_id = '{id}' AND version = 1")).ShouldBe(1);

        var verification = await Get<ChainVerification>(Auditor, "/api/audit/chains/verification");

        verification.Intact.ShouldBeFalse();
        var broken = verification.Breaks.ShouldHaveSingleItem();
        broken.StreamId.ShouldBe(id);
        broken.Version.ShouldBe(1);
        broken.Kind.ShouldBe(ChainBreakKind.EventAltered);
        broken.ExpectedHash.ShouldNotBe(broken.StoredHash);
        (await Get<ChainVerification>(Auditor, $"/api/audit/chains/verification?streamId={other}")).Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task Altering_only_the_metadata_of_an_event_is_caught_as_well()
    {
        var id = await Approved();

        await Sql($"UPDATE {{schema}}.mt_events SET user_name = 'mallory', headers = headers || '{{\"reason\": \"backdated\"}}' " +
                  $"WHERE stream_id = '{id}' AND version = 6");

        var broken = (await Verifier.VerifyAsync(id, Cancellation)).Breaks.ShouldHaveSingleItem();
        broken.Version.ShouldBe(6);
        broken.Kind.ShouldBe(ChainBreakKind.EventAltered);
    }

    [Fact]
    public async Task Deleting_an_event_is_caught_at_the_version_it_held()
    {
        var id = await Approved();

        (await Sql($"DELETE FROM {{schema}}.mt_events WHERE stream_id = '{id}' AND version = 4")).ShouldBe(1);

        var broken = (await Get<ChainVerification>(Auditor, $"/api/audit/chains/verification?streamId={id}")).Breaks.ShouldHaveSingleItem();
        broken.Version.ShouldBe(4);
        broken.Kind.ShouldBe(ChainBreakKind.EventMissing);
    }

    [Fact]
    public async Task Deleting_an_event_together_with_its_link_leaves_a_gap_in_the_versions()
    {
        var id = await Approved();

        await Sql($"DELETE FROM {{schema}}.mt_events WHERE stream_id = '{id}' AND version = 3; " +
                  $"DELETE FROM {{schema}}.{EventChainStorage.TableName} WHERE stream_id = '{id}' AND version = 3");

        var broken = (await Verifier.VerifyAsync(id, Cancellation)).Breaks.ShouldHaveSingleItem();
        broken.Version.ShouldBe(3);
        broken.Kind.ShouldBe(ChainBreakKind.VersionGap);
    }

    [Fact]
    public async Task An_event_stored_while_the_trigger_was_disabled_has_no_link()
    {
        var id = await Submitted(await LaunchProgramme());

        await Sql($"ALTER TABLE {{schema}}.mt_events DISABLE TRIGGER {EventChainStorage.TriggerName}");
        try
        {
            await Act(Caseworker, id, "formal-completeness", new CompleteFormally(2));
        }
        finally
        {
            await Sql($"ALTER TABLE {{schema}}.mt_events ENABLE TRIGGER {EventChainStorage.TriggerName}");
        }

        var broken = (await Verifier.VerifyAsync(id, Cancellation)).Breaks.ShouldHaveSingleItem();
        broken.Version.ShouldBe(3);
        broken.Kind.ShouldBe(ChainBreakKind.LinkMissing);
    }

    [Fact]
    public async Task A_digest_taken_earlier_proves_later_that_nothing_was_rewritten_and_shows_what_was()
    {
        var id = await Approved();
        var earlier = await Get<ChainDigest>(Auditor, "/api/audit/chains/digest");
        // The store goes on: more events on the same stream and new streams keep the earlier digest valid.
        await Host.ExecuteAndWaitAsync(async () => await Act(Applicant, id, "withdrawal", new WithdrawApplication(8, "Projekt entfällt")), 60_000);
        await Submitted(await LaunchProgramme());

        var untouched = await ChainDigests.CompareAsync(earlier, Verifier, Store, Cancellation);

        untouched.NothingRewritten.ShouldBeTrue();
        untouched.Unchanged.Count.ShouldBe(5);

        // A rewrite of the whole chain in the database (event and every link recomputed with the same function) still differs
        // from the digest kept outside.
        await Sql($"UPDATE {{schema}}.mt_events SET data = jsonb_set(data, '{{plan,requestedAmount}}', '90000') WHERE stream_id = '{id}' AND version = 1");
        await Sql($$"""
            DELETE FROM {schema}.{{EventChainStorage.TableName}} WHERE stream_id = '{{id}}';
            DO $$ DECLARE e record; previous varchar; BEGIN
              FOR e IN SELECT * FROM {schema}.mt_events WHERE stream_id = '{{id}}' ORDER BY version LOOP
                SELECT hash INTO previous FROM {schema}.{{EventChainStorage.TableName}} WHERE stream_id = e.stream_id AND version = e.version - 1;
                INSERT INTO {schema}.{{EventChainStorage.TableName}} (stream_id, version, seq_id, event_id, previous_hash, hash)
                VALUES (e.stream_id, e.version, e.seq_id, e.id, previous, {schema}.{{EventChainStorage.HashFunctionName}}(previous, e.stream_id, e.version,
                  e.seq_id, e.id, e.type, e.timestamp, e.tenant_id, e.user_name, e.correlation_id, e.causation_id, e.headers, e.data, e.bdata));
              END LOOP; END $$;
            """);
        (await Verifier.VerifyAsync(id, Cancellation)).Intact.ShouldBeTrue("the rewrite recomputed every link");

        var rewritten = await ChainDigests.CompareAsync(earlier, Verifier, Store, Cancellation);

        rewritten.NothingRewritten.ShouldBeFalse();
        var head = rewritten.Rewritten.ShouldHaveSingleItem();
        head.StreamId.ShouldBe(id);
        head.Version.ShouldBe(8, "the approval, then the decision letter");
        head.HashNow.ShouldNotBe(head.HashInDigest);
    }

    [Fact]
    public async Task The_command_line_command_verifies_writes_a_digest_and_checks_against_it()
    {
        var id = await Approved();
        var digestFile = Path.Combine(Path.GetTempPath(), $"fachwerk-digest-{Guid.NewGuid():N}.json");
        try
        {
            var output = new StringWriter();
            (await VerifyChainsCommand.RunAsync(new VerifyChainsInput { DigestFlag = digestFile }, Host.Services, output, Cancellation)).ShouldBeTrue();
            output.ToString().ShouldContain("Verified 5 streams");
            output.ToString().ShouldContain("All chains are intact.");
            File.Exists(digestFile).ShouldBeTrue();

            output = new StringWriter();
            (await VerifyChainsCommand.RunAsync(new VerifyChainsInput { StreamId = id.ToString(), AgainstFlag = digestFile }, Host.Services, output,
                Cancellation)).ShouldBeTrue();
            output.ToString().ShouldContain("was rewritten");

            await Sql($"UPDATE {{schema}}.mt_events SET timestamp = timestamp - interval '1 day' WHERE stream_id = '{id}' AND version = 7");
            output = new StringWriter();
            (await VerifyChainsCommand.RunAsync(new VerifyChainsInput { StreamId = id.ToString() }, Host.Services, output, Cancellation)).ShouldBeFalse();
            output.ToString().ShouldContain($"BROKEN stream {id} at version 7: EventAltered");

            output = new StringWriter();
            (await VerifyChainsCommand.RunAsync(new VerifyChainsInput { StreamId = "not-a-guid" }, Host.Services, output, Cancellation)).ShouldBeFalse();
        }
        finally
        {
            File.Delete(digestFile);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_database_hashes_the_same_bytes_as_the_verifier_with_every_optional_field_present_or_missing(bool present)
    {
        // Multi-byte characters make the byte lengths differ from the character counts.
        var stored = new StoredEvent(Guid.NewGuid(), 12, 4711, Guid.NewGuid(), "funds_committed", new DateTime(2026, 3, 1, 9, 30, 15, 123, 456, DateTimeKind.Utc),
            present ? "Südbaden" : null, present ? "Jürgen Groß" : null, present ? "korrelation-ä" : null, present ? "ursache-ö" : null,
            present ? """{"grund": "Prüfung"}""" : null, """{"betrag": 1250.50, "zweck": "Umzugsbegleitung für Fachkräfte"}""",
            present ? [0x00, 0xAB, 0xFF] : null);
        var previous = present ? new string('a', 64) : null;

        await using var connection = await OpenConnectionAsync();
        await using var command = new NpgsqlCommand(
            $"SELECT {Store.Options.Events.DatabaseSchemaName}.{EventChainStorage.HashFunctionName}(" +
            "@previous, @stream, @version, @seq, @id, @type, @timestamp, @tenant, @user, @correlation, @causation, @headers::jsonb, @data::jsonb, @bdata)",
            connection);
        command.Parameters.Add(new NpgsqlParameter("previous", NpgsqlDbType.Varchar) { Value = (object?)previous ?? DBNull.Value });
        command.Parameters.AddWithValue("stream", stored.StreamId);
        command.Parameters.AddWithValue("version", stored.Version);
        command.Parameters.AddWithValue("seq", stored.Sequence);
        command.Parameters.AddWithValue("id", stored.EventId);
        command.Parameters.Add(new NpgsqlParameter("type", NpgsqlDbType.Varchar) { Value = stored.Type });
        command.Parameters.AddWithValue("timestamp", stored.TimestampUtc);
        foreach (var (name, value) in new[] { ("tenant", stored.TenantId), ("user", stored.UserName), ("correlation", stored.CorrelationId), ("causation", stored.CausationId) })
            command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Varchar) { Value = (object?)value ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("headers", NpgsqlDbType.Text) { Value = (object?)stored.Headers ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("data", NpgsqlDbType.Text) { Value = stored.Data });
        command.Parameters.Add(new NpgsqlParameter("bdata", NpgsqlDbType.Bytea) { Value = (object?)stored.BinaryData ?? DBNull.Value });

        var hash = (string?)await command.ExecuteScalarAsync(Cancellation);

        // The data as PostgreSQL renders jsonb: shorter keys first, one space after each colon and comma (the headers are
        // written that way already).
        var rendered = stored with { Data = """{"zweck": "Umzugsbegleitung für Fachkräfte", "betrag": 1250.50}""" };
        hash.ShouldBe(EventChainHash.Compute(previous, rendered));
    }

    [Fact]
    public async Task Marten_tombstones_are_not_facts_and_get_no_link()
    {
        await Sql("""
            INSERT INTO {schema}.mt_streams (id, type, version) VALUES ('00000000-0000-0000-0000-00000000dead', 'mt_tombstone', 0) ON CONFLICT DO NOTHING;
            INSERT INTO {schema}.mt_events (seq_id, id, stream_id, version, data, type, mt_dotnet_type)
            VALUES (nextval('{schema}.mt_events_sequence'), gen_random_uuid(), '00000000-0000-0000-0000-00000000dead', 77, '{}', 'tombstone', 'JasperFx.Events.Tombstone');
            """);

        (await Verifier.LinksAsync(Guid.Parse("00000000-0000-0000-0000-00000000dead"), Cancellation)).ShouldBeEmpty();
        (await Verifier.VerifyAsync(null, Cancellation)).Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task The_chain_objects_are_stable_across_starts_and_a_new_chain_table_links_the_events_already_stored()
    {
        var id = await Approved();

        // What the next start would change in the database: nothing of the chain.
        var migration = await Store.Storage.Database.CreateMigrationAsync(Cancellation);
        migration.Deltas.Where(d => d.SchemaObject.Identifier.Name.StartsWith("mt_event_chain", StringComparison.Ordinal))
            .ShouldAllBe(d => d.Difference == SchemaPatchDifference.None);

        // A link function replaced by one that links nothing is put back at the next start, and the trigger stays in place.
        await Sql($"CREATE OR REPLACE FUNCTION {{schema}}.{EventChainStorage.LinkFunctionName}() RETURNS trigger AS $$ BEGIN RETURN NULL; END $$ LANGUAGE plpgsql");
        await Store.Storage.Database.ApplyAllConfiguredChangesToDatabaseAsync(ct: Cancellation);
        await Host.ExecuteAndWaitAsync(async () => await Act(Applicant, id, "withdrawal", new WithdrawApplication(8, "Projekt entfällt")), 60_000);
        (await Verifier.VerifyAsync(id, Cancellation)).Intact.ShouldBeTrue();
        (await Verifier.LinksAsync(id, Cancellation)).Count.ShouldBe(9);

        // First deployment of the chain on a store with events: the table is created and the stored events linked.
        var before = await Verifier.LinksAsync(id, Cancellation);
        await Sql($"DROP TABLE {{schema}}.{EventChainStorage.TableName}");
        await Store.Storage.Database.ApplyAllConfiguredChangesToDatabaseAsync(ct: Cancellation);

        (await Verifier.LinksAsync(id, Cancellation)).Select(l => l.Hash).ShouldBe(before.Select(l => l.Hash));
        (await Verifier.VerifyAsync(null, Cancellation)).Intact.ShouldBeTrue();
    }
}
