using System.Text.Json;
using Alba;
using Fachwerk.Application.Alliances;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Application.Notifications;
using Fachwerk.Application.Organisations;
using Fachwerk.Application.Programmes;
using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Organisations;
using Fachwerk.Domain.Programmes;
using Fachwerk.Host.Development;
using Fachwerk.Host.Development.Tokens;
using Fachwerk.IntegrationTests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Wolverine.Tracking;

namespace Fachwerk.IntegrationTests.Database;

/// <summary>
/// A command and each step of its workflow hold one connection from their first read to their commit and never ask the pool
/// for a second one meanwhile (ADR 0138). Otherwise as many commands as the pool has connections, each holding one and
/// waiting for another, would wait for each other until the pool's timeout: fifty confirmations at once against a pool of 32
/// did, on a busy machine, with the profile of a user the node had not seen yet.
/// </summary>
public class OneConnectionPerCommandTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly Period Esf = new(new DateOnly(2021, 1, 1), new DateOnly(2035, 12, 31));

    [Fact]
    public async Task A_node_whose_pool_holds_a_single_connection_takes_an_application_from_its_draft_to_its_approval()
    {
        // A database of its own, so that this node alone works on it; a wait for a second connection fails after five seconds.
        var database = new NpgsqlConnectionStringBuilder(await NewDatabaseAsync("one_connection"))
        {
            Pooling = true,
            MaxPoolSize = 1,
            Timeout = 5,
        }.ConnectionString;
        await using var node = await AlbaHost.For<Program>(builder => TestHost.Configure(builder, database, new FakeTimeProvider(AppFixture.Start)));
        // Every user's first command on this node writes their profile: the case that asked for a second connection.
        node.Services.GetRequiredService<UserProfiles>().Forget();

        var applicant = (await Send<StreamCreated>(node, DemoUsers.Caseworker, "/api/organisations",
            new RegisterOrganisation("Haus Steinstraße e.V.", OrganisationKind.Association, "Leipzig"), 201)).Id;
        var alliance = (await Send<StreamCreated>(node, DemoUsers.Caseworker, "/api/alliances", new FoundAlliance("Fachkräfteallianz Sachsen-Anhalt Süd",
            FederalState.SachsenAnhalt, ["Halle (Saale)"], "Geschäftsstelle Halle", new DateOnly(2016, 3, 1)), 201)).Id;
        await Send<CommandAccepted>(node, DemoUsers.Caseworker, $"/api/alliances/{alliance}/recognition",
            new RecognizeAlliance(1, "MS Sachsen-Anhalt", new DateOnly(2021, 1, 1), Esf));
        await Send<CommandAccepted>(node, DemoUsers.Caseworker, $"/api/alliances/{alliance}/members", new AdmitMember(2, applicant, new DateOnly(2021, 2, 1)));
        var programme = (await Send<StreamCreated>(node, DemoUsers.Caseworker, "/api/programmes", new LaunchProgramme("Arbeitsmarktkreis Mansfeld-Südharz",
            [new FundingSource("ESF+", 1m)], Esf, 100_000m, new ProgrammeRules(0.8m, 100_000m, AllianceVoteRequired: false, DocumentDeadlineDays: 14,
                DeMinimis: false, DecisionReminderDays: 30)), 201)).Id;

        var plan = new ProjectPlan("Expedition Job", "Berufsorientierung im Handwerk", new Period(new DateOnly(2026, 9, 1), new DateOnly(2027, 8, 31)),
            50_000m, 40_000m, 10_000m, 0m, [TargetGroup.YoungPeople], 40);
        var id = (await Send<StreamCreated>(node, DemoUsers.Applicant, "/api/applications",
            new DraftApplication(applicant, programme, alliance, "Halle (Saale)", plan), 201, organisation: applicant)).Id;
        var version = (await Send<CommandAccepted>(node, DemoUsers.Applicant, $"/api/applications/{id}/submission", new SubmitApplication(1),
            organisation: applicant)).Version;
        version = (await Send<CommandAccepted>(node, DemoUsers.Caseworker, $"/api/applications/{id}/formal-completeness", new CompleteFormally(version))).Version;
        version = (await Send<CommandAccepted>(node, DemoUsers.Caseworker, $"/api/applications/{id}/decision-proposal",
            new ProposeDecision(version, DecisionKind.Approve, 40_000m, ["Zwischenbericht zum 30. April"]))).Version;

        // The confirmation, its budget workflow and its decision letter, each step on the one connection in turn.
        var tracked = await node.ExecuteAndWaitAsync(async () =>
            await Send<CommandAccepted>(node, DemoUsers.Approver, $"/api/applications/{id}/decision-confirmation", new ConfirmDecision(version)), 60_000);

        tracked.MessageFailed.Envelopes().ShouldBeEmpty();
        await using var session = node.Services.GetRequiredService<IDocumentStore>().QuerySession();
        (await session.LoadAsync<ApplicationDetails>(id, TestContext.Current.CancellationToken)).ShouldNotBeNull().Status.ShouldBe(ApplicationStatus.Approved);
        (await session.LoadAsync<Commitment>(id, TestContext.Current.CancellationToken)).ShouldNotBeNull().Amount.ShouldBe(40_000m);
        // Each user's profile was written with their first command.
        (await session.LoadManyAsync<UserProfile>(TestContext.Current.CancellationToken, DemoUsers.Caseworker.Id, DemoUsers.Applicant.Id, DemoUsers.Approver.Id))
            .Count.ShouldBe(3);
    }

    private static async Task<T> Send<T>(IAlbaHost node, DemoUser user, string url, object body, int status = 200, Guid? organisation = null)
    {
        var token = node.Services.GetRequiredService<DevelopmentTokenIssuer>().Mint(user, organisation, null, null);
        var result = await node.Scenario(s =>
        {
            s.WithRequestHeader("Authorization", "Bearer " + token);
            s.Post.Text(JsonSerializer.Serialize(body, body.GetType(), ApiJson.Options)).ToUrl(url);
            s.WithRequestHeader("Content-Type", "application/json");
            s.IgnoreStatusCode();
        });
        var answer = result.Context.Response.StatusCode;
        if (answer != status) answer.ShouldBe(status, await result.ReadAsTextAsync());
        return JsonSerializer.Deserialize<T>(await result.ReadAsTextAsync(), ApiJson.Options)!;
    }
}
