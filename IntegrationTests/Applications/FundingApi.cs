using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;
using Wolverine.Tracking;

namespace Fachwerk.IntegrationTests.Applications;

/// <summary>Approved applications and the requests that move their funding along.</summary>
public abstract class FundingApi(AppFixture fixture) : ApplicationApi(fixture)
{
    protected static readonly DemoUser OtherCaseworker = DemoUsers.SecondCaseworker;

    protected DateOnly Today => AuthorityCalendar.DayOf(Clock.GetUtcNow());

    /// <summary>An application approved for <paramref name="amount"/> (80 % of its costs) with the given proof dates; returns its version.</summary>
    protected async Task<(Guid Id, long Version)> Approved(Guid programme, decimal amount = 40_000m, decimal retained = 0,
        IReadOnlyList<DateOnly>? interimProofs = null, string title = "Expedition Job", Period? duration = null, string district = "Halle (Saale)")
    {
        var (id, version) = await ReadyForDecision(programme, vote: false, Plan(requested: amount, title: title, duration: duration), district);
        version = await Act(Caseworker, id, "decision-proposal", new ProposeDecision(version, DecisionKind.Approve, amount,
            RetainedFinalInstalment: retained, InterimProofDueDates: interimProofs));
        await ConfirmAndWait(id, version);
        var details = await Details(id);
        details.Status.ShouldBe(ApplicationStatus.Approved);
        return (id, details.Version);
    }

    /// <summary>Requests, checks (one caseworker) and releases (another) a payment, into a payee account confirmed first if none is; returns the version.</summary>
    protected async Task<long> Paid(Guid application, long version, decimal amount, decimal ownSpent)
    {
        if ((await Details(application)).PayeeAccount is null) version = await PayeeConfirmed(application, version);
        version = await Act(Applicant, application, "payment-requests", new RequestPayment(version, amount, Today.AddDays(10), ownSpent));
        var number = (await Details(application)).Funding!.Payments.Count;
        version = await Act(Caseworker, application, $"payment-requests/{number}/check", new CheckPaymentRequest(version));
        return await Act(OtherCaseworker, application, $"payment-requests/{number}/release", new ReleasePayment(version, Today.AddDays(3)));
    }

    /// <summary>Moves the clock to the morning after the project's last day: the final proof of use is submitted only then.</summary>
    protected void AfterTheProjectEnded(Period? duration = null)
    {
        var morningAfter = new DateTimeOffset((duration ?? Plan().Duration).To.AddDays(1).ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero);
        if (Clock.GetUtcNow() < morningAfter) Clock.Advance(morningAfter - Clock.GetUtcNow());
    }

    protected static SubmitProofOfUse Proof(long version, decimal spent = 50_000m, decimal own = 10_000m) =>
        new(version, "Alle Module durchgeführt, 48 Jugendliche erreicht.", new Dictionary<string, decimal> { ["Personal"] = spent * 0.7m, ["Sachkosten"] = spent * 0.3m },
            own, 0m, [new Receipt("dms://beleg-001", new DateOnly(2026, 10, 1), 1_250m, "Sachkosten")]);

    /// <summary>
    /// Approved for and paid 40,000 EUR; the interim proof passed its check, the final proof's first check found
    /// <paramref name="ineligible"/> EUR of catering costs not eligible. Returns the version.
    /// </summary>
    protected async Task<(Guid Id, long Version)> FinalProofWithFinding(Guid programme, decimal ineligible)
    {
        var (id, version) = await Approved(programme, 40_000m);
        version = await Paid(id, version, 40_000m, 10_000m);
        version = await Act(Applicant, id, "proofs-of-use/interim-2026", Proof(version, 20_000m, 5_000m));
        version = await Act(Caseworker, id, "proofs-of-use/interim-2026/first-check", new CompleteProofCheck(version, []));
        AfterTheProjectEnded();
        version = await Act(Applicant, id, "proofs-of-use/final", Proof(version));
        version = await Act(Caseworker, id, "proofs-of-use/final/first-check",
            new CompleteProofCheck(version, [new Finding("Bewirtungskosten sind nicht förderfähig", ineligible)]));
        return (id, version);
    }

    /// <summary>Runs a command and waits for the workflow messages it sends (releases of funds).</summary>
    protected async Task<long> ActAndWait(DemoUser user, Guid application, string step, object body)
    {
        long version = 0;
        await Host.ExecuteAndWaitAsync(async () => version = await Act(user, application, step, body), 60_000);
        return version;
    }
}
