using Alba;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Audit;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Fachwerk.IntegrationTests.Audit;

public class ProjectionRebuildTests(AppFixture fixture) : AuditApi(fixture)
{
    private ProjectionRebuilds Rebuilds => Host.Services.GetRequiredService<ProjectionRebuilds>();

    private async Task<ProjectionRebuildStatus> StartRebuild(string projection)
    {
        var result = await Post(Administrator, $"/api/admin/projections/{projection}/rebuilds", null, 202);
        var started = await Read<ProjectionRebuildStatus>(result);
        result.Context.Response.Headers.Location.ToString().ShouldBe($"/api/admin/projection-rebuilds/{started.Id}");
        return started;
    }

    [Fact]
    public async Task The_administrator_sees_the_projections_with_their_lifecycle_and_progress()
    {
        await Approved();
        await CatchUpProjections();

        var projections = await Get<List<ProjectionInfo>>(Administrator, "/api/admin/projections");

        projections.Single(p => p.Name == ApplicationRuleCheckProjection.ProjectionName).Lifecycle.ShouldBe(ProjectionLifecycle.Async);
        projections.Single(p => p.Name == "ProgrammeBudget").Processed.ShouldBe(projections[0].HighWaterMark);
        projections.Single(p => p.Name == "ApplicationDetails").Lifecycle.ShouldBe(ProjectionLifecycle.Inline);
        projections.Where(p => p.Lifecycle == ProjectionLifecycle.Live).ShouldAllBe(p => !p.Rebuildable);
        await GetExpecting(Auditor, "/api/admin/projections", 403);
    }

    [Fact]
    public async Task An_async_projection_is_rebuilt_from_the_whole_history_with_progress_while_reads_are_served()
    {
        await Approved();
        var confirmedByProposer = await Approved();
        await using (var session = Store.LightweightSession())
        {
            session.Events.Append(confirmedByProposer, new DecisionConfirmed(confirmedByProposer, 1, DecisionKind.Approve, 30_000m, Caseworker.Id,
                Caseworker.Id, Clock.GetUtcNow()));
            await session.SaveChangesAsync(Cancellation);
        }

        await CatchUpProjections();
        var before = await Get<Page<ApplicationRuleCheck>>(Auditor, "/api/audit/rule-findings");

        var started = await StartRebuild(ApplicationRuleCheckProjection.ProjectionName);
        // Reads are served during the rebuild (from whatever part of the read model is rebuilt so far).
        await Get<Page<ApplicationRuleCheck>>(Auditor, "/api/audit/rule-findings?all=true");
        await Rebuilds.Find(started.Id)!.Completion.WaitAsync(TimeSpan.FromMinutes(2), Cancellation);

        var status = await Get<ProjectionRebuildStatus>(Administrator, $"/api/admin/projection-rebuilds/{started.Id}");
        status.State.ShouldBe(RebuildState.Completed);
        status.Projection.ShouldBe(ApplicationRuleCheckProjection.ProjectionName);
        status.RequestedBy.ShouldBe(Administrator.Id);
        status.Percent.ShouldBe(100);
        status.Target.ShouldBe(await EventCount());
        status.Processed.ShouldBe(status.Target);
        status.FinishedAt.ShouldNotBeNull();

        var after = await Get<Page<ApplicationRuleCheck>>(Auditor, "/api/audit/rule-findings");
        after.Items.ShouldHaveSingleItem().Id.ShouldBe(confirmedByProposer);
        after.Items[0].Findings.ShouldBeEquivalentTo(before.Items.Single().Findings);
    }

    [Fact]
    public async Task After_the_rebuild_the_projection_goes_on_with_new_events()
    {
        // In the service the daemon runs the projection continuously; in tests it runs when asked, so this test starts it.
        var daemon = Host.Services.GetRequiredService<Marten.Events.Daemon.Coordination.IProjectionCoordinator>().DaemonForMainDatabase();
        const string shard = ApplicationRuleCheckProjection.ProjectionName + ":All";
        await Approved();
        await daemon.StartAgentAsync(shard, Cancellation);
        try
        {
            daemon.StatusFor(shard).ShouldBe(JasperFx.AgentStatus.Running);

            var started = await StartRebuild(ApplicationRuleCheckProjection.ProjectionName);
            await Rebuilds.Find(started.Id)!.Completion.WaitAsync(TimeSpan.FromMinutes(2), Cancellation);

            daemon.StatusFor(shard).ShouldBe(JasperFx.AgentStatus.Running);
            var id = await Submitted(await LaunchProgramme());
            await using var session = Store.QuerySession();
            var last = (await session.Events.FetchStreamAsync(id, token: Cancellation))[^1].Sequence;
            await daemon.Tracker.WaitForShardState(shard, last, TimeSpan.FromSeconds(30));
            (await session.LoadAsync<ApplicationRuleCheck>(id, Cancellation))!.Version.ShouldBe(2);
        }
        finally
        {
            await daemon.StopAgentAsync(shard);
        }
    }

    [Fact]
    public async Task An_inline_read_model_can_be_rebuilt_as_well()
    {
        var id = await Approved();
        var before = await Details(id);
        await Sql("DELETE FROM {schema}.mt_doc_applicationdetails");

        var started = await StartRebuild("ApplicationDetails");
        await Rebuilds.Find(started.Id)!.Completion.WaitAsync(TimeSpan.FromMinutes(2), Cancellation);

        (await Get<ProjectionRebuildStatus>(Administrator, $"/api/admin/projection-rebuilds/{started.Id}")).State.ShouldBe(RebuildState.Completed);
        (await Details(id)).ShouldBeEquivalentTo(before);
    }

    [Fact]
    public async Task Unknown_projections_and_rebuilds_answer_404_and_only_administrators_may_rebuild()
    {
        var problem = await ProblemOf(await Post(Administrator, "/api/admin/projections/Nonsense/rebuilds", null, 404));
        problem.Detail!.ShouldContain(ApplicationRuleCheckProjection.ProjectionName);
        await Post(Administrator, "/api/admin/projections/FundingApplication/rebuilds", null, 404);
        await GetExpecting(Administrator, $"/api/admin/projection-rebuilds/{Guid.NewGuid()}", 404);

        await Post(Auditor, $"/api/admin/projections/{ApplicationRuleCheckProjection.ProjectionName}/rebuilds", null, 403);
        await Post(DemoUsers.Caseworker, $"/api/admin/projections/{ApplicationRuleCheckProjection.ProjectionName}/rebuilds", null, 403);
    }
}
