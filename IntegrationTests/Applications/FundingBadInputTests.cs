using Fachwerk.Application.Applications;
using Fachwerk.Domain.Applications;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Applications;

/// <summary>
/// Bad input on every endpoint after approval answers with problem details (400, 403, 404, 409) and appends nothing.
/// Each test starts with one approved application and one still waiting for its decision.
/// </summary>
public class FundingBadInputTests(AppFixture fixture) : FundingApi(fixture)
{
    private sealed record Step(DemoUser User, string Path, Func<long, DateOnly, object> ValidBody, DemoUser Forbidden);

    private static readonly Dictionary<string, Step> Steps = new()
    {
        ["request payment"] = new(Applicant, "payment-requests", (v, today) => new RequestPayment(v, 1_000m, today.AddDays(10), 10_000m), Caseworker),
        ["check payment"] = new(Caseworker, "payment-requests/1/check", (v, _) => new CheckPaymentRequest(v), Applicant),
        ["refuse payment"] = new(Caseworker, "payment-requests/1/refusal", (v, _) => new RefusePaymentRequest(v, "Belege fehlen"), Applicant),
        ["release payment"] = new(Caseworker, "payment-requests/1/release", (v, today) => new ReleasePayment(v, today), DemoUsers.Auditor),
        ["submit proof"] = new(Applicant, "proofs-of-use/final", (v, _) => Proof(v), Caseworker),
        ["extend proof deadline"] = new(Caseworker, "proofs-of-use/final/extension", (_, _) => new ExtendProofOfUseDeadline(1, new DateOnly(2029, 1, 1), "x"), Applicant),
        ["first check"] = new(Caseworker, "proofs-of-use/final/first-check", (v, _) => new CompleteProofCheck(v, []), Applicant),
        ["in-depth check"] = new(Caseworker, "proofs-of-use/final/in-depth-check", (v, _) => new CompleteProofCheck(v, []), Reviewer),
        ["reclaim"] = new(Caseworker, "reclaims", (v, today) => new DemandReclaim(v, 1_000m, "Feststellung", today.AddDays(30)), Applicant),
        ["repayment"] = new(Caseworker, "repayments", (v, today) => new RecordRepayment(v, 1_000m, today), Applicant),
        ["close"] = new(Caseworker, "closure", (v, _) => new CloseCase(v), Approver),
    };

    public static TheoryData<string> StepNames => [.. Steps.Keys];

    private Guid _approved;
    private long _approvedVersion;
    private Guid _undecided;
    private long _undecidedVersion;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var programme = await LaunchProgramme(rules: Rules(voteRequired: false));
        (_approved, _approvedVersion) = await Approved(programme);
        (_undecided, _undecidedVersion) = await ReadyForDecision(programme, vote: false, Plan(title: "Noch offen"));
    }

    private object Body(string step, long version) => Steps[step].ValidBody(version, Today) switch
    {
        ExtendProofOfUseDeadline extend => extend with { ExpectedVersion = version },
        var body => body,
    };

    [Theory]
    [MemberData(nameof(StepNames))]
    public async Task A_step_without_its_fields_answers_400_and_appends_nothing(string step)
    {
        var before = await EventCount();

        (await ValidationProblemOf(await Post(Steps[step].User, $"/api/applications/{_approved}/{Steps[step].Path}", new { }, 400)))
            .Errors.Keys.ShouldContain("expectedVersion");

        (await EventCount()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(StepNames))]
    public async Task A_step_on_an_unknown_application_answers_404(string step)
    {
        var before = await EventCount();

        await ProblemOf(await Post(Steps[step].User, $"/api/applications/{Guid.NewGuid()}/{Steps[step].Path}", Body(step, 1), 404));

        (await EventCount()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(StepNames))]
    public async Task A_step_with_a_stale_version_answers_409(string step)
    {
        var before = await EventCount();

        (await ProblemOf(await Post(Steps[step].User, $"/api/applications/{_approved}/{Steps[step].Path}", Body(step, _approvedVersion - 1), 409)))
            .Type.ShouldBe("urn:fachwerk:problem:stale-version");

        (await EventCount()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(StepNames))]
    public async Task A_step_by_a_role_that_may_not_take_it_answers_403(string step)
    {
        var before = await EventCount();

        await ProblemOf(await Post(Steps[step].Forbidden, $"/api/applications/{_approved}/{Steps[step].Path}", Body(step, _approvedVersion), 403));

        (await EventCount()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(StepNames))]
    public async Task A_step_on_an_application_not_yet_approved_answers_409(string step)
    {
        var before = await EventCount();

        var problem = await ProblemOf(await Post(Steps[step].User, $"/api/applications/{_undecided}/{Steps[step].Path}", Body(step, _undecidedVersion), 409));

        problem.Type.ShouldStartWith("urn:fachwerk:problem:");
        problem.Status.ShouldBe(409);
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task Unknown_payment_requests_and_proofs_are_refused_by_name()
    {
        (await ProblemOf(await Post(Caseworker, $"/api/applications/{_approved}/payment-requests/7/check", new CheckPaymentRequest(_approvedVersion), 409)))
            .Type.ShouldBe("urn:fachwerk:problem:payment.unknown-request");
        (await ProblemOf(await Post(Applicant, $"/api/applications/{_approved}/proofs-of-use/interim-1999", Proof(_approvedVersion), 409)))
            .Detail.ShouldNotBeNull().ShouldContain("interim-2026, final");
    }

    [Fact]
    public async Task A_proof_with_receipts_beyond_its_figures_answers_400()
    {
        var proof = Proof(_approvedVersion, spent: 1_000m) with { Receipts = [new Receipt("dms://1", new DateOnly(2026, 10, 1), 5_000m, "Sachkosten")] };

        (await ValidationProblemOf(await Post(Applicant, $"/api/applications/{_approved}/proofs-of-use/final", proof, 400))).Errors.Keys.ShouldContain("receipts");
    }
}
