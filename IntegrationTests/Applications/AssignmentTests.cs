using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;
using Marten;
using JasperFx.Events;

namespace Fachwerk.IntegrationTests.Applications;

/// <summary>Who works on a case: taking it, handing it on, reassigning by a team lead, releasing it; and where it shows.</summary>
public class AssignmentTests(AppFixture fixture) : ApplicationApi(fixture)
{
    private static readonly DemoUser Carsten = DemoUsers.SecondCaseworker;
    private static readonly DemoUser TeamLead = DemoUsers.TeamLead;

    private async Task<CommandAccepted> Assign(DemoUser user, Guid application, long version, string assignee, string? reason = null) =>
        await Read<CommandAccepted>(await Send(user, HttpMethod.Put, $"/api/applications/{application}/assignment", new AssignCase(version, assignee, reason)));

    private async Task<IEvent> LastEvent(Guid application)
    {
        await using var session = Store.QuerySession();
        return (await session.Events.FetchStreamAsync(application, token: TestContext.Current.CancellationToken))[^1];
    }

    private static string? Header(IEvent e, string name) => e.Headers is { } headers && headers.TryGetValue(name, out var value) ? value?.ToString() : null;

    [Fact]
    public async Task A_caseworker_takes_a_case_from_the_queue_recorded_with_who_and_why_and_it_shows_as_hers()
    {
        var programme = await LaunchProgramme();
        var application = await Submitted(programme, Plan(title: "Rückkehrertage Halle"));
        (await Inbox(Caseworker, "?assignedTo=none")).Items.ShouldHaveSingleItem().ApplicationId.ShouldBe(application);

        var accepted = await Assign(Caseworker, application, 2, Caseworker.Id, "Ich kenne den Träger");

        accepted.Version.ShouldBe(3);
        var e = await LastEvent(application);
        e.Data.ShouldBe(new CaseAssigned(application, Caseworker.Id, Caseworker.DisplayName, null, "Ich kenne den Träger", Caseworker.Id, Clock.GetUtcNow()));
        e.UserName.ShouldBe(Caseworker.Id);
        Header(e, "reason").ShouldBe("Ich kenne den Träger");
        Header(e, "command").ShouldBe("AssignCase");

        var details = await Details(application);
        details.Status.ShouldBe(ApplicationStatus.Submitted);
        details.Assignment.ShouldBe(new AssignmentRecord(Caseworker.Id, Caseworker.DisplayName, Clock.GetUtcNow(), Caseworker.Id, "Ich kenne den Träger"));
        var mine = (await Inbox(Caseworker, "?assignedTo=me")).Items.ShouldHaveSingleItem();
        mine.ApplicationId.ShouldBe(application);
        mine.Version.ShouldBe(3);
        mine.AssignedToName.ShouldBe(Caseworker.DisplayName);
        (await Inbox(Caseworker, "?assignedTo=none")).Items.ShouldBeEmpty();
        (await Inbox(Carsten, "?assignedTo=me")).Items.ShouldBeEmpty();
        (await Inbox(Carsten, $"?assignedTo={Caseworker.Id}")).TotalItems.ShouldBe(1);
        (await Get<Page<ApplicationSummary>>(Caseworker, "/api/applications?assignedTo=me")).Items.ShouldHaveSingleItem().AssignedTo.ShouldBe(Caseworker.Id);
        (await Get<Page<ApplicationSummary>>(Carsten, "/api/applications?assignedTo=none")).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_case_is_handed_to_a_colleague_of_the_team_and_given_back_to_the_queue()
    {
        var application = await Submitted(await LaunchProgramme());
        var colleagues = await Get<List<Colleague>>(Caseworker, "/api/colleagues");
        colleagues.ShouldContain(new Colleague(Carsten.Id, Carsten.DisplayName));
        colleagues.Select(c => c.Id).ShouldNotContain(DemoUsers.Auditor.Id);

        var before = await EventCount();
        (await ProblemOf(await Send(Caseworker, HttpMethod.Put, $"/api/applications/{application}/assignment", new AssignCase(2, "unbekannt"), 404)))
            .Type.ShouldBe("urn:fachwerk:problem:assignment.unknown-colleague");
        (await EventCount()).ShouldBe(before);

        await Assign(Caseworker, application, 2, Carsten.Id);
        (await Inbox(Carsten, "?assignedTo=me")).Items.ShouldHaveSingleItem().AssignedTo.ShouldBe(Carsten.Id);

        await Post(Carsten, $"/api/applications/{application}/assignment/release", new ReleaseCase(3, "Zu viel auf dem Tisch"));
        var released = await LastEvent(application);
        released.Data.ShouldBe(new CaseReleased(application, Carsten.Id, "Zu viel auf dem Tisch", Carsten.Id, Clock.GetUtcNow()));
        (await Details(application)).Assignment.ShouldBeNull();
        (await Inbox(Carsten, "?assignedTo=none")).Items.ShouldHaveSingleItem().Version.ShouldBe(4);
    }

    [Fact]
    public async Task A_colleagues_case_is_reassigned_only_by_a_team_lead_who_says_why_and_refusals_append_nothing()
    {
        var application = await Submitted(await LaunchProgramme());
        await Assign(Caseworker, application, 2, Caseworker.Id);
        var before = await EventCount();

        (await ProblemOf(await Send(Carsten, HttpMethod.Put, $"/api/applications/{application}/assignment", new AssignCase(3, Carsten.Id, "Ich übernehme"), 409)))
            .Type.ShouldBe("urn:fachwerk:problem:assignment.someone-elses");
        (await ProblemOf(await Post(Carsten, $"/api/applications/{application}/assignment/release", new ReleaseCase(3, "Urlaub"), 409)))
            .Type.ShouldBe("urn:fachwerk:problem:assignment.someone-elses");
        (await ProblemOf(await Send(TeamLead, HttpMethod.Put, $"/api/applications/{application}/assignment", new AssignCase(3, Carsten.Id), 409)))
            .Type.ShouldBe("urn:fachwerk:problem:assignment.reason-required");
        (await ProblemOf(await Send(Caseworker, HttpMethod.Put, $"/api/applications/{application}/assignment", new AssignCase(3, Caseworker.Id), 409)))
            .Type.ShouldBe("urn:fachwerk:problem:assignment.unchanged");
        (await EventCount()).ShouldBe(before);

        await Assign(TeamLead, application, 3, Carsten.Id, "Sabine ist drei Wochen im Urlaub");

        var reassigned = (CaseAssigned)(await LastEvent(application)).Data;
        reassigned.PreviousAssignee.ShouldBe(Caseworker.Id);
        reassigned.RecordedBy.ShouldBe(TeamLead.Id);
        reassigned.Reason.ShouldBe("Sabine ist drei Wochen im Urlaub");
        (await Details(application)).Assignment!.AssignedBy.ShouldBe(TeamLead.Id);
    }

    [Fact]
    public async Task Only_caseworkers_and_approvers_assign_and_bad_input_answers_400_with_nothing_appended()
    {
        var application = await Submitted(await LaunchProgramme());
        var before = await EventCount();

        foreach (var outsider in new[] { Applicant, Reviewer, DemoUsers.Auditor, DemoUsers.Administrator })
            await Send(outsider, HttpMethod.Put, $"/api/applications/{application}/assignment", new AssignCase(2, outsider.Id), 403);
        var problem = await ValidationProblemOf(await Send(Caseworker, HttpMethod.Put, $"/api/applications/{application}/assignment",
            new { expectedVersion = 0, assignee = "", reason = new string('x', CommonRules.ReasonLength + 1) }, 400));
        problem.Errors.Keys.ShouldBe(["expectedVersion", "assignee", "reason"], ignoreOrder: true);
        await ValidationProblemOf(await Send(Caseworker, HttpMethod.Put, $"/api/applications/{application}/assignment",
            new { expectedVersion = 2, assignee = 42 }, 400));
        (await ProblemOf(await Send(Caseworker, HttpMethod.Put, $"/api/applications/{application}/assignment", new AssignCase(1, Caseworker.Id), 409)))
            .Type.ShouldBe("urn:fachwerk:problem:stale-version");

        (await EventCount()).ShouldBe(before);
        await Assign(Approver, application, 2, Approver.Id);
    }

    [Fact]
    public async Task The_teams_queues_count_the_tasks_per_role_and_person_overdue_ones_first()
    {
        var programme = await LaunchProgramme(rules: Rules(voteRequired: false));
        var queued = await Submitted(programme, Plan(title: "In der Warteschlange"));
        var sabines = await Submitted(programme, Plan(title: "Bei Sabine"));
        await Assign(Caseworker, sabines, 2, Caseworker.Id);
        var (late, version) = await ReadyForDecision(programme, vote: false, Plan(title: "Entscheidung überfällig"));
        await Assign(Caseworker, late, version, Carsten.Id);
        Clock.Advance(TimeSpan.FromDays(31)); // the programme wants a decision within 30 days

        var queues = await Get<List<TaskQueue>>(Caseworker, "/api/inbox/queues");

        queues.ShouldBe(
        [
            new TaskQueue(Roles.Caseworker, Carsten.Id, Carsten.DisplayName, 1, 1),
            new TaskQueue(Roles.Caseworker, null, null, 1, 0),
            new TaskQueue(Roles.Caseworker, Caseworker.Id, Caseworker.DisplayName, 1, 0),
        ]);
        (await Inbox(Caseworker, "?role=caseworker&assignedTo=none")).Items.ShouldHaveSingleItem().ApplicationId.ShouldBe(queued);
    }
}
