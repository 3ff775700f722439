using System.Collections.Concurrent;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.People;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Applications;
using Fachwerk.IntegrationTests.Infrastructure;
using Marten;
using Marten.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Fachwerk.IntegrationTests.Database;

/// <summary>
/// A command reads in the transaction that appends its events (ADR 0132): the stream it decides from and the documents it
/// loads are read inside that transaction, not each in an autocommit of its own, over HTTP and in the budget workflow's step.
/// A command endpoint also reads its caller's bindings in that transaction (ADR 0134). Told from Marten's own report of every
/// statement a session runs: whether it was sent inside a transaction.
/// </summary>
public class CommandTransactionTests(AppFixture fixture) : ApplicationApi(fixture)
{
    [Fact]
    public async Task A_confirmation_and_its_budget_step_read_in_the_transactions_that_append_their_events()
    {
        var programme = await LaunchProgramme();
        var (id, version) = await Proposed(programme);

        var recorder = await RecordedAsync(() => ConfirmAndWait(id, version));

        // The confirmation's read of the application's stream and the budget step's (both FetchForWriting), not their appends.
        var streamReads = recorder.Statements
            .Where(s => s.Ids.Contains(id) && !s.Sql.Contains("mt_quick_append_events", StringComparison.Ordinal)
                        && (s.Sql.Contains(".mt_streams", StringComparison.Ordinal) || s.Sql.Contains(".mt_events", StringComparison.Ordinal)))
            .ToList();
        streamReads.Count.ShouldBeGreaterThanOrEqualTo(2);
        streamReads.Where(s => !s.InTransaction).Select(s => s.Sql).ShouldBeEmpty("these reads of the stream ran outside a transaction");
        recorder.Appended.ShouldContain(e => e.StreamId == id && e.EventType == typeof(DecisionConfirmed));
        recorder.Appended.ShouldContain(e => e.StreamId == id && e.EventType == typeof(ApplicationApproved));
    }

    [Fact]
    public async Task A_command_reads_its_callers_bindings_in_its_transaction_and_a_query_on_the_way_in()
    {
        var programme = await LaunchProgramme();
        var id = await Submitted(programme);
        var version = (await Details(id)).Version;
        var person = Person.IdOf(Caseworker.Id);

        var options = (StoreOptions)Store.Options;
        var recorder = new StatementRecorder(options.Logger());
        options.Logger(recorder);
        List<Statement> command, query;
        try
        {
            await Act(Caseworker, id, "formal-completeness", new CompleteFormally(version));
            command = [.. recorder.Statements.Where(s => s.Ids.Contains(person))];
            recorder.Statements.Clear();
            await Details(id);
            query = [.. recorder.Statements.Where(s => s.Ids.Contains(person))];
        }
        finally
        {
            options.Logger(recorder.Inner);
        }

        // The command's one read of the person, in the transaction that appends its events (ADR 0134); the query's before it, alone.
        command.ShouldHaveSingleItem().InTransaction.ShouldBeTrue();
        recorder.Appended.ShouldContain(e => e.StreamId == id && e.EventType == typeof(ApplicationFormallyCompleted));
        query.ShouldHaveSingleItem().InTransaction.ShouldBeFalse();
    }

    [Fact]
    public async Task A_command_reads_its_applications_stream_and_read_models_with_its_callers_bindings_in_one_round_trip()
    {
        var programme = await LaunchProgramme();
        var id = await Submitted(programme);
        var before = await Details(id);
        var person = Person.IdOf(Caseworker.Id);

        var recorder = await RecordedAsync(() => Act(Caseworker, id, "formal-completeness", new CompleteFormally(before.Version)));

        // The command's session is the one that read the caller; its reads of the application's details and summary went with
        // that read (ADR 0135), and the inline projections read neither again before they wrote them.
        var session = recorder.Statements.Single(s => s.Ids.Contains(person)).Session;
        var readModelReads = recorder.Statements
            .Where(s => s.Session == session
                        && (s.Sql.Contains("from fachwerk.mt_doc_applicationdetails", StringComparison.Ordinal)
                            || s.Sql.Contains("from fachwerk.mt_doc_applicationsummary", StringComparison.Ordinal)))
            .ToList();
        var read = readModelReads.ShouldHaveSingleItem();
        read.Ids.ShouldContain(person);
        read.Sql.ShouldContain("from fachwerk.mt_doc_applicationsummary");
        read.InTransaction.ShouldBeTrue();
        // The stream the command decides from is read in that round trip too, and in no other (ADR 0136).
        recorder.Statements.Where(s => s.Session == session && s.Sql.Contains(".mt_events", StringComparison.Ordinal)
                                       && !s.Sql.Contains("mt_quick_append_events", StringComparison.Ordinal))
            .ShouldHaveSingleItem().ShouldBeSameAs(read);
        recorder.Appended.ShouldContain(e => e.StreamId == id && e.EventType == typeof(ApplicationFormallyCompleted));

        // ... and built on what they read: the details keep everything before the command, with the command's change.
        var after = await Details(id);
        after.Version.ShouldBe(before.Version + 1);
        after.FormallyCompleteAt.ShouldNotBeNull();
        before.FormallyCompleteAt.ShouldBeNull();
        (after with
        {
            Version = before.Version, Status = before.Status, LastChangedAt = before.LastChangedAt,
            FormallyCompleteAt = null, DecisionDueBy = before.DecisionDueBy,
        }).ShouldBeEquivalentTo(before);
    }

    [Fact]
    public async Task A_budget_step_reads_the_read_models_of_the_streams_it_writes_in_the_round_trip_that_reads_the_streams()
    {
        var programme = await LaunchProgramme();
        var (id, version) = await Proposed(programme);

        var recorder = await RecordedAsync(() => ConfirmAndWait(id, version));

        // Every read of the application's or the programme's details, the confirmation's and its steps', went in the batch that
        // read the streams the command or step writes (ADR 0135, ADR 0136): the inline projections read none of them again
        // before they wrote them. (A handler's batch runs on a session of its own, so this looks at the statements, not the sessions.)
        var reads = recorder.Statements.Where(s => s.Sql.Contains("from fachwerk.mt_doc_programmedetails", StringComparison.Ordinal)
                                                   || s.Sql.Contains("from fachwerk.mt_doc_applicationdetails", StringComparison.Ordinal))
            .ToList();
        reads.ShouldNotBeEmpty();
        reads.Where(r => !r.Sql.Contains(".mt_events", StringComparison.Ordinal) || !r.InTransaction).Select(r => r.Sql).ShouldBeEmpty();
        // The commitment of the funds read the programme's details and the application's with the three streams it writes.
        reads.ShouldContain(s => s.Ids.Contains(id) && s.Ids.Contains(programme)
                                 && s.Sql.Contains("from fachwerk.mt_doc_programmedetails", StringComparison.Ordinal)
                                 && s.Sql.Contains("from fachwerk.mt_doc_applicationsummary", StringComparison.Ordinal));
        recorder.Appended.ShouldContain(e => e.StreamId == id && e.EventType == typeof(ApplicationApproved));
        (await Details(id)).Status.ShouldBe(ApplicationStatus.Approved);
    }

    [Fact]
    public async Task A_draft_reads_its_callers_bindings_with_the_applicant_the_programme_and_the_alliance_in_one_round_trip()
    {
        var programme = await LaunchProgramme();
        var person = Person.IdOf(Applicant.Id);

        var recorder = await RecordedAsync(() => Draft(programme));

        // The draft writes no stream it reads: its caller went in the batch of the aggregates it decides from (ADR 0136), and it
        // read nothing else before it started the application's stream.
        var session = recorder.Statements.Single(s => s.Ids.Contains(person)).Session;
        var read = ReadsOf(recorder, session).ShouldHaveSingleItem();
        read.Ids.ShouldContain(programme);
        read.Sql.ShouldContain(".mt_events");
        read.InTransaction.ShouldBeTrue();
        recorder.AppendedIn.ShouldContain(a => a.Session == session && a.Event.EventType == typeof(ApplicationDrafted));
    }

    [Fact]
    public async Task A_decision_letter_reads_the_applications_events_and_its_parties_in_the_round_trip_that_reads_its_stream()
    {
        var programme = await LaunchProgramme();
        var (id, version) = await Proposed(programme);
        var applicant = (await Details(id)).Applicant.Id;

        var recorder = await RecordedAsync(() => ConfirmAndWait(id, version));

        // The letter's handler: the application's stream, its events, the applicant's stream and the programme's launch in one
        // round trip (ADR 0137), then the letter's writes.
        var letter = recorder.AppendedIn.Single(a => a.Event.Data is DocumentAttached { Kind: DocumentKind.DecisionLetter } attached
                                                     && attached.ApplicationId == id).Session;
        var read = ReadsOf(recorder, letter).ShouldHaveSingleItem();
        read.Ids.ShouldContain(id);
        read.Ids.ShouldContain(applicant);
        read.Ids.ShouldContain(programme);
        read.InTransaction.ShouldBeTrue();
    }

    [Fact]
    public async Task A_submission_and_an_alliance_vote_read_the_programme_and_the_alliance_with_the_applications_stream()
    {
        var programme = await LaunchProgramme();
        var id = await Draft(programme);

        var submission = await RecordedAsync(() => Act(Applicant, id, "submission", new SubmitApplication(1)));
        var version = await Act(Caseworker, id, "formal-completeness", new CompleteFormally(2));
        var vote = await RecordedAsync(() => Act(Reviewer, id, "alliance-vote", new CastAllianceVote(version, ChamberId, true,
            "Fits the regional strategy", new Dictionary<string, int> { ["Bedarf"] = 8 }, DeclaresNoConflictOfInterest: true)));

        // The node drafted the application, so it knows its programme and alliance: read in the batch that reads the application's
        // stream and its caller (ADR 0137), and nothing read after it.
        var submitted = ReadsOf(submission, SessionOf(submission, Applicant)).ShouldHaveSingleItem();
        submitted.Ids.ShouldContain(id);
        submitted.Ids.ShouldContain(programme);
        submitted.Ids.ShouldContain(AllianceId);
        var voted = ReadsOf(vote, SessionOf(vote, Reviewer)).ShouldHaveSingleItem();
        voted.Ids.ShouldContain(id);
        voted.Ids.ShouldContain(AllianceId);
        voted.Ids.ShouldNotContain(programme);
        (await Details(id)).AllianceVote.ShouldNotBeNull().Recommends.ShouldBeTrue();
    }

    [Fact]
    public async Task A_submission_whose_parties_this_node_remembers_wrongly_reads_the_applications_own_after_its_stream()
    {
        var programme = await LaunchProgramme();
        var other = await LaunchProgramme();
        var id = await Draft(programme);
        // What no node can remember of a real application, since its programme and alliance never change: the check still holds.
        Host.Services.GetRequiredService<ApplicationParties>().Remember(id, other, Guid.NewGuid());

        var submission = await RecordedAsync(() => Act(Applicant, id, "submission", new SubmitApplication(1)));

        var reads = ReadsOf(submission, SessionOf(submission, Applicant));
        reads.Count.ShouldBe(2);
        reads[1].Ids.ShouldContain(programme);
        reads[1].Ids.ShouldContain(AllianceId);
        var details = await Details(id);
        details.Status.ShouldBe(ApplicationStatus.Submitted);
        details.Programme.Id.ShouldBe(programme);
        // ... and remembers them rightly from then on.
        Host.Services.GetRequiredService<ApplicationParties>().Of(id).ShouldBe(new ApplicationParties.Known(programme, AllianceId));
    }

    /// <summary>The session of the command <paramref name="user"/> sent: the one that read their person.</summary>
    private static IQuerySession SessionOf(StatementRecorder recorder, DemoUser user) =>
        recorder.Statements.First(s => s.Ids.Contains(Person.IdOf(user.Id))).Session;

    /// <summary>What <paramref name="session"/> sent before its writes: its reads, one round trip each.</summary>
    private static List<Statement> ReadsOf(StatementRecorder recorder, IQuerySession session) =>
        [.. recorder.Statements.Where(s => s.Session == session).TakeWhile(s => !s.Sql.Contains("mt_quick_append_events", StringComparison.Ordinal))];

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    [InlineData(false, true)]
    public async Task Read_models_a_concurrent_command_left_behind_are_read_again_before_a_projection_builds_on_them(bool concurrent, bool inAHandler)
    {
        var programme = await LaunchProgramme();
        var id = await Submitted(programme);
        var before = await Details(id);
        var cancellation = TestContext.Current.CancellationToken;

        var options = (StoreOptions)Store.Options;
        var recorder = new StatementRecorder(options.Logger());
        options.Logger(recorder);
        // A command's session loads the application's read models when its transaction begins (ADR 0135) ...
        await using var session = Store.LightweightSession();
        options.Logger(recorder.Inner);
        await session.BeginTransactionAsync(cancellation);
        var batch = session.CreateBatchQuery();
        var preloaded = StreamReadModels.For(typeof(FundingApplication))!.QueueIn(session, batch, id);
        await batch.Execute(cancellation);
        var http = new DefaultHttpContext();
        if (!inAHandler) PreloadedReadModels.Remember(http, preloaded);
        // ... another command commits to the application in between (or not) ...
        if (concurrent) await Act(Caseworker, id, "formal-completeness", new CompleteFormally(before.Version));
        // ... then it reads the stream, keeps the read models only if they are current, and appends.
        var stream = await session.Events.FetchForWriting<FundingApplication>(id, cancellation);
        recorder.Statements.Clear();
        // An endpoint keeps them on the request, a message handler (a budget step, a letter) in its query plan's result (ADR 0136).
        if (inAHandler) PreloadedReadModels.KeepIfCurrent(session, stream, new PreloadedStreams([preloaded]));
        else PreloadedReadModels.KeepIfCurrent(session, stream, http);
        stream.AppendOne(new CaseAssigned(id, Caseworker.Id, "Clara Caseworker", null, null, Caseworker.Id, DateTimeOffset.UtcNow));
        await session.SaveChangesAsync(cancellation);

        var after = await Details(id);
        after.Version.ShouldBe(before.Version + (concurrent ? 2 : 1));
        after.Assignment.ShouldNotBeNull().Assignee.ShouldBe(Caseworker.Id);
        // The other command's change is kept: the projection read the details again instead of building on the ones loaded first.
        (after.FormallyCompleteAt is not null).ShouldBe(concurrent);
        recorder.Statements.Any(s => s.Sql.Contains("from fachwerk.mt_doc_applicationdetails", StringComparison.Ordinal)).ShouldBe(concurrent);
    }

    [Fact]
    public async Task Refused_commands_leave_no_transaction_open_and_append_nothing()
    {
        var programme = await LaunchProgramme();
        var id = await Submitted(programme);
        var before = await Details(id);

        // Stale versions, refused after the stream was read inside the transaction; more of them than the pool has connections.
        for (var i = 0; i < 40; i++)
            await Post(Caseworker, $"/api/applications/{id}/formal-completeness", new CompleteFormally(before.Version - 1), 409);
        await using var connection = (NpgsqlConnection)Store.Storage.Database.CreateConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var afterRefusals = await Scalar<DateTime>(connection, "select clock_timestamp()");
        await Act(Caseworker, id, "formal-completeness", new CompleteFormally(before.Version));

        (await Details(id)).Version.ShouldBe(before.Version + 1);
        // A transaction a refused command left open would still wait for its client, begun before the refusals ended.
        (await Scalar<long>(connection,
            "select count(*) from pg_stat_activity where datname = current_database() and state like 'idle in transaction%' and xact_start < @at",
            afterRefusals)).ShouldBe(0);
    }

    private static async Task<T> Scalar<T>(NpgsqlConnection connection, string sql, DateTime? at = null)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (at is { } value) command.Parameters.AddWithValue("at", value);
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    /// <summary>The statements Marten's sessions ran while <paramref name="work"/> ran.</summary>
    private async Task<StatementRecorder> RecordedAsync(Func<Task> work)
    {
        var options = (StoreOptions)Store.Options;
        var recorder = new StatementRecorder(options.Logger());
        options.Logger(recorder);
        try
        {
            await work();
        }
        finally
        {
            options.Logger(recorder.Inner);
        }

        return recorder;
    }

    /// <summary>Every statement Marten's sessions ran, with the ids among its parameters and whether it ran inside a transaction.</summary>
    private sealed class StatementRecorder(IMartenLogger inner) : IMartenLogger
    {
        public IMartenLogger Inner { get; } = inner;

        public ConcurrentQueue<Statement> Statements { get; } = new();

        /// <summary>The events appended, with the session that appended them.</summary>
        public ConcurrentQueue<(JasperFx.Events.IEvent Event, IQuerySession Session)> AppendedIn { get; } = new();

        public IEnumerable<JasperFx.Events.IEvent> Appended => AppendedIn.Select(a => a.Event);

        public IMartenSessionLogger StartSession(IQuerySession session) => new SessionLogger(Inner.StartSession(session), this, session);

        public void SchemaChange(string sql) => Inner.SchemaChange(sql);
    }

    /// <summary>A statement or batch (one round trip) and the session that sent it.</summary>
    private sealed record Statement(string Sql, IReadOnlySet<Guid> Ids, bool InTransaction, IQuerySession Session);

    private sealed class SessionLogger(IMartenSessionLogger inner, StatementRecorder recorder, IQuerySession session) : IMartenSessionLogger
    {
        public void OnBeforeExecute(NpgsqlCommand command)
        {
            recorder.Statements.Enqueue(new Statement(command.CommandText, IdsIn(command.Parameters), command.Transaction is not null, session));
            inner.OnBeforeExecute(command);
        }

        public void OnBeforeExecute(NpgsqlBatch batch)
        {
            var commands = batch.BatchCommands.Cast<NpgsqlBatchCommand>().ToList();
            recorder.Statements.Enqueue(new Statement(string.Join("; ", commands.Select(c => c.CommandText)),
                commands.SelectMany(c => IdsIn(c.Parameters)).ToHashSet(), batch.Transaction is not null, session));
            inner.OnBeforeExecute(batch);
        }

        private static HashSet<Guid> IdsIn(NpgsqlParameterCollection parameters) =>
            parameters.Cast<NpgsqlParameter>().SelectMany(p => p.Value switch
            {
                Guid id => [id],
                Guid[] ids => ids,
                _ => Array.Empty<Guid>(),
            }).ToHashSet();

        public void LogSuccess(NpgsqlCommand command) => inner.LogSuccess(command);

        public void LogSuccess(NpgsqlBatch batch) => inner.LogSuccess(batch);

        public void LogFailure(NpgsqlCommand command, Exception ex) => inner.LogFailure(command, ex);

        public void LogFailure(NpgsqlBatch batch, Exception ex) => inner.LogFailure(batch, ex);

        public void LogFailure(Exception ex, string message) => inner.LogFailure(ex, message);

        public void RecordSavedChanges(IDocumentSession session, IChangeSet commit)
        {
            foreach (var e in commit.GetEvents()) recorder.AppendedIn.Enqueue((e, session));
            inner.RecordSavedChanges(session, commit);
        }
    }
}
