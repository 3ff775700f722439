using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Application.People;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.People;
using Fachwerk.Host.Authentication;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Fachwerk.IntegrationTests.Applications;

/// <summary>
/// Nobody pays or decides alone, whatever roles one account holds: the payment four-eyes threshold counts everything one person
/// checked and released on an application, and whoever acts for the applicant never acts for the funding authority on its case.
/// Every such refusal is a security event with the user and the operation.
/// </summary>
public class DutiesTests(AppFixture fixture) : FundingApi(fixture)
{
    /// <summary>Bea applies for Haus Steinstraße and is a caseworker of the funding authority too.</summary>
    private static readonly DemoUser BothSides = new("bea.beides", "Bea (applicant, caseworker)", [Roles.Applicant, Roles.Caseworker]);

    protected override (Guid? Organisation, Guid? Alliance, Guid? Pilot) BindingsOf(DemoUser user, string? url) =>
        user == BothSides ? (ApplicantId, null, null) : base.BindingsOf(user, url);

    [Fact]
    public async Task Splitting_a_sum_into_payments_under_the_threshold_does_not_let_one_caseworker_pay_it_alone()
    {
        var (id, version) = await Approved(await LaunchProgramme(rules: Rules(voteRequired: false)), 40_000m);
        version = await PayeeConfirmed(id, version);
        // 6,000 EUR checked and released by Sabine alone: within the 10,000 EUR threshold.
        version = await Act(Applicant, id, "payment-requests", new RequestPayment(version, 6_000m, Today.AddDays(10), 1_500m));
        version = await Act(Caseworker, id, "payment-requests/1/check", new CheckPaymentRequest(version));
        version = await Act(Caseworker, id, "payment-requests/1/release", new ReleasePayment(version, Today));
        version = await Act(Applicant, id, "payment-requests", new RequestPayment(version, 6_000m, Today.AddDays(10), 3_000m));
        version = await Act(Caseworker, id, "payment-requests/2/check", new CheckPaymentRequest(version));
        var before = await EventCount();

        // Another 6,000 EUR would make 12,000 EUR through her hands alone.
        var refusal = await ProblemOf(await Post(Caseworker, $"/api/applications/{id}/payment-requests/2/release", new ReleasePayment(version, Today), 409));

        refusal.Type.ShouldBe("urn:fachwerk:problem:payment.four-eyes");
        refusal.Detail.ShouldNotBeNull().ShouldContain("with this one 12,000.00 EUR");
        (await EventCount()).ShouldBe(before);
        var logged = SecurityEvent($"/api/applications/{id}/payment-requests/2/release");
        (logged.State["UserId"], logged.State["Rule"]).ShouldBe((Caseworker.Id, "payment.four-eyes"));
        logged.State["Operation"].ShouldBe("POST /api/applications/{applicationId}/payment-requests/{number}/release");
        await Act(OtherCaseworker, id, "payment-requests/2/release", new ReleasePayment(version, Today));
    }

    [Fact]
    public async Task One_account_acting_for_the_applicant_never_decides_checks_or_releases_on_its_case()
    {
        var (id, version) = await ReadyForDecision(await LaunchProgramme(rules: Rules(voteRequired: false)), vote: false);
        var proposal = new ProposeDecision(version, DecisionKind.Approve, 40_000m);
        var before = await EventCount();

        // Bea acts for the applicant organisation: she may not propose, whatever her caseworker role allows.
        (await ProblemOf(await Post(BothSides, $"/api/applications/{id}/decision-proposal", proposal, 403))).Detail.ShouldNotBeNull()
            .ShouldContain("separation of duties");
        (await EventCount()).ShouldBe(before);
        SecurityEvent($"/api/applications/{id}/decision-proposal").State["Rule"].ShouldBe(SecurityLog.AccessSeparationOfDuties);

        // Ute (caseworker and deputy approver) may propose, but not confirm her own proposal.
        version = await Act(DemoUsers.Deputy, id, "decision-proposal", proposal);
        await Post(DemoUsers.Deputy, $"/api/applications/{id}/decision-confirmation", new ConfirmDecision(version), 409);
        (SecurityEvent($"/api/applications/{id}/decision-confirmation").State["Rule"], SecurityEvent($"/api/applications/{id}/decision-confirmation").State["UserId"])
            .ShouldBe(("application.four-eyes", DemoUsers.Deputy.Id));
        await ConfirmAndWait(id, version);
        version = await PayeeConfirmed(id, (await Details(id)).Version);

        // Bea requests 9,000 EUR for her organisation; she may not check it.
        version = await Act(BothSides, id, "payment-requests", new RequestPayment(version, 9_000m, Today.AddDays(10), 2_250m));
        await Post(BothSides, $"/api/applications/{id}/payment-requests/1/check", new CheckPaymentRequest(version), 403);

        // She leaves the organisation; the case still remembers who requested the money.
        await Post(DemoUsers.Administrator, "/api/admin/people/binding-revocations",
            new RevokeBinding(0, BothSides.Id, BindingKind.Organisation, ApplicantId, "Zum Amt gewechselt"));
        var refusal = await ProblemOf(await Post(BothSides, $"/api/applications/{id}/payment-requests/1/check", new CheckPaymentRequest(version), 409));
        refusal.Type.ShouldBe("urn:fachwerk:problem:application.separation-of-duties");
        SecurityEvent($"/api/applications/{id}/payment-requests/1/check").State["Rule"].ShouldBe("application.separation-of-duties");

        version = await Act(Caseworker, id, "payment-requests/1/check", new CheckPaymentRequest(version));
        await Post(BothSides, $"/api/applications/{id}/payment-requests/1/release", new ReleasePayment(version, Today), 409);
        await Act(OtherCaseworker, id, "payment-requests/1/release", new ReleasePayment(version, Today));
    }

    /// <summary>The last security event about a refused duty on <paramref name="path"/>: at Warning, in the security log.</summary>
    private LogEntry SecurityEvent(string path)
    {
        var entry = Logs.Entries.Last(e => e.Category == SecurityLog.Category && e.EventId.Id == 4004 && e.State["Path"] == path);
        entry.Level.ShouldBe(LogLevel.Warning);
        return entry;
    }
}
