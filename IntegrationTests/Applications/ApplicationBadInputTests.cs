using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Applications;

/// <summary>
/// Bad input on every application endpoint answers with problem details (400, 403, 404, 409) and appends nothing.
/// Each test starts with a programme and one drafted application (version 1).
/// </summary>
public class ApplicationBadInputTests(AppFixture fixture) : ApplicationApi(fixture)
{
    /// <summary>A change endpoint: who may call it, its path, a valid body for an expected version, and a role that may not.</summary>
    private sealed record Step(DemoUser User, HttpMethod Method, string Path, Func<long, object> ValidBody, DemoUser Forbidden);

    private static readonly Dictionary<string, Step> Steps = new()
    {
        ["amend"] = new(Applicant, HttpMethod.Put, "plan", v => new AmendApplication(v, Plan(requested: 30_000m)), Caseworker),
        ["submit"] = new(Applicant, HttpMethod.Post, "submission", v => new SubmitApplication(v), Caseworker),
        ["request documents"] = new(Caseworker, HttpMethod.Post, "document-requests", v => new RequestDocuments(v, ["Satzung"]), Applicant),
        ["supply documents"] = new(Applicant, HttpMethod.Post, "document-supplies", v => new SupplyDocuments(v, ["dms://1"]), Approver),
        ["complete formally"] = new(Caseworker, HttpMethod.Post, "formal-completeness", v => new CompleteFormally(v), Reviewer),
        ["cast vote"] = new(Reviewer, HttpMethod.Post, "alliance-vote", v => new CastAllianceVote(v, Guid.NewGuid(), true, "Gut", DeclaresNoConflictOfInterest: true), Caseworker),
        ["propose decision"] = new(Caseworker, HttpMethod.Post, "decision-proposal", v => new ProposeDecision(v, DecisionKind.Approve, 1_000m), Approver),
        ["confirm decision"] = new(Approver, HttpMethod.Post, "decision-confirmation", v => new ConfirmDecision(v), Caseworker),
        ["return decision"] = new(Approver, HttpMethod.Post, "decision-return", v => new ReturnDecision(v, "Nachbessern"), Applicant),
        ["withdraw"] = new(Applicant, HttpMethod.Post, "withdrawal", v => new WithdrawApplication(v, "Kein Bedarf"), Reviewer),
        ["reduce approved amount"] = new(Caseworker, HttpMethod.Post, "approved-amount-reduction", v => new ReduceApprovedAmount(v, 1_000m, "Weniger Kosten"), Applicant),
        ["assign"] = new(Caseworker, HttpMethod.Put, "assignment", v => new AssignCase(v, Caseworker.Id), Applicant),
        ["release"] = new(Caseworker, HttpMethod.Post, "assignment/release", v => new ReleaseCase(v), Reviewer),
    };

    public static TheoryData<string> StepNames => [.. Steps.Keys];

    /// <summary>
    /// Steps of the application's workflow that are not allowed on a fresh draft (everything but amending, submitting and
    /// withdrawing; assignment has rules of its own, AssignmentTests).
    /// </summary>
    public static TheoryData<string> StepsIllegalOnADraft => [.. Steps.Keys.Except(["amend", "submit", "withdraw", "assign", "release"])];

    private Guid _programme;
    private Guid _draft;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _programme = await LaunchProgramme();
        _draft = await Draft(_programme);
    }

    private Task<Alba.IScenarioResult> Call(string step, Guid application, object body, int status, DemoUser? user = null)
    {
        var call = Steps[step];
        return Send(user ?? call.User, call.Method, $"/api/applications/{application}/{call.Path}", body, status);
    }

    [Theory]
    [MemberData(nameof(StepNames))]
    public async Task A_step_without_its_fields_answers_400_and_appends_nothing(string step)
    {
        var before = await EventCount();

        var problem = await ValidationProblemOf(await Call(step, _draft, new { }, 400));

        problem.Errors.Keys.ShouldContain("expectedVersion");
        (await EventCount()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(StepNames))]
    public async Task A_step_on_an_unknown_application_answers_404_and_appends_nothing(string step)
    {
        var before = await EventCount();

        (await ProblemOf(await Call(step, Guid.NewGuid(), Steps[step].ValidBody(1), 404))).Status.ShouldBe(404);

        (await EventCount()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(StepNames))]
    public async Task A_step_with_a_stale_version_answers_409_and_appends_nothing(string step)
    {
        await Send(Applicant, HttpMethod.Put, $"/api/applications/{_draft}/plan", new AmendApplication(1, Plan(requested: 36_000m)));
        var before = await EventCount();

        var problem = await ProblemOf(await Call(step, _draft, Steps[step].ValidBody(1), 409));

        problem.Type.ShouldBe("urn:fachwerk:problem:stale-version");
        (await EventCount()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(StepsIllegalOnADraft))]
    public async Task A_step_the_draft_is_not_ready_for_answers_409_and_appends_nothing(string step)
    {
        var before = await EventCount();

        var problem = await ProblemOf(await Call(step, _draft, Steps[step].ValidBody(1), 409));

        problem.Type.ShouldBe("urn:fachwerk:problem:application.illegal-transition");
        (await EventCount()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(StepNames))]
    public async Task A_step_by_a_role_that_may_not_take_it_answers_403_and_appends_nothing(string step)
    {
        var before = await EventCount();

        (await ProblemOf(await Call(step, _draft, Steps[step].ValidBody(1), 403, Steps[step].Forbidden))).Status.ShouldBe(403);

        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task Closed_and_decided_applications_refuse_the_steps_that_no_longer_apply()
    {
        await Call("submit", _draft, new SubmitApplication(1), 200);
        (await ProblemOf(await Call("submit", _draft, new SubmitApplication(2), 409))).Type.ShouldBe("urn:fachwerk:problem:application.illegal-transition");
        await Call("complete formally", _draft, new CompleteFormally(2), 200);
        (await ProblemOf(await Call("amend", _draft, new AmendApplication(3, Plan()), 409))).Detail.ShouldNotBeNull().ShouldContain("formally complete");
        await Call("withdraw", _draft, new WithdrawApplication(3, "Kein Bedarf"), 200);
        var before = await EventCount();

        (await ProblemOf(await Call("withdraw", _draft, new WithdrawApplication(4, "Nochmal"), 409))).Type.ShouldBe("urn:fachwerk:problem:application.illegal-transition");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task A_draft_needs_a_known_applicant_programme_and_alliance()
    {
        var before = await EventCount();
        var draft = new DraftApplication(ApplicantId, _programme, AllianceId, "Halle (Saale)", Plan());

        await ProblemOf(await Post(Applicant, "/api/applications", draft with { ApplicantId = Guid.NewGuid() }, 404));
        await ProblemOf(await Post(Applicant, "/api/applications", draft with { ProgrammeId = Guid.NewGuid() }, 404));
        await ProblemOf(await Post(Applicant, "/api/applications", draft with { AllianceId = Guid.NewGuid() }, 404));
        (await ProblemOf(await Post(Applicant, "/api/applications", draft with { District = "Leipzig" }, 409)))
            .Type.ShouldBe("urn:fachwerk:problem:application.district-not-covered");

        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task A_draft_with_a_bad_plan_answers_400_naming_the_fields()
    {
        var before = await EventCount();
        var plan = Plan() with
        {
            Title = new string('t', 201), Description = "", TotalCosts = 1m, RequestedAmount = 0.001m, PlannedParticipants = -1,
        };

        var problem = await ValidationProblemOf(await Post(Applicant, "/api/applications",
            new DraftApplication(ApplicantId, _programme, AllianceId, "", plan), 400));

        problem.Errors.Keys.ShouldBe(["district", "plan.title", "plan.description", "plan.requestedAmount", "plan.totalCosts", "plan.plannedParticipants"],
            ignoreOrder: true);
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task A_retried_draft_with_the_same_idempotency_key_creates_one_application()
    {
        var key = Guid.NewGuid().ToString();
        var draft = new DraftApplication(ApplicantId, _programme, AllianceId, "Saalekreis", Plan(title: "Rückkehrertag"));
        var before = await EventCount();

        var first = await Read<StreamCreated>(await Post(Applicant, "/api/applications", draft, 201, s => s.WithRequestHeader("Idempotency-Key", key)));
        var retry = await Read<StreamCreated>(await Post(Applicant, "/api/applications", draft, 201, s => s.WithRequestHeader("Idempotency-Key", key)));

        retry.ShouldBe(first);
        (await EventCount()).ShouldBe(before + 1);
    }
}
