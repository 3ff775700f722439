using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Letters;
using Fachwerk.Domain.Applications;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Documents;
using Fachwerk.IntegrationTests.Infrastructure;
using Marten;
using Wolverine.Tracking;

namespace Fachwerk.IntegrationTests.Letters;

/// <summary>
/// The change notice (Änderungsbescheid) issued for every amendment in force: what it says, that there is one per version, who reads
/// it (ADR 0121, rendered like the decision letter of ADR 0104); and reductions and reclaims as decision versions.
/// </summary>
public class ChangeNoticeTests(AppFixture fixture) : DocumentApi(fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private Task<Guid> WithoutVote() => LaunchProgramme(rules: Rules(voteRequired: false));

    private static string Text(byte[] bytes)
    {
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes);
        return string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    private static string Day(DateOnly day) => day.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>Proposes <paramref name="amendment"/>, confirms it as the approver and waits for the budget workflow and the letter.</summary>
    private async Task<ApplicationDetails> InForce(Guid id, ProposeAmendment amendment)
    {
        var version = await Act(Caseworker, id, "amendments", amendment);
        await Host.ExecuteAndWaitAsync(async () => await Act(Approver, id, "amendments/confirmation", new ConfirmAmendment(version)), 60_000);
        return await Details(id);
    }

    [Fact]
    public async Task A_confirmed_raise_issues_a_change_notice_with_old_and_new_terms_that_the_applicant_downloads_and_that_renders_again_to_the_same_hash()
    {
        var (id, version) = await Approved(await WithoutVote(), 40_000m);
        var before = await Details(id);
        var finalBefore = before.Funding!.ProofsOfUse.Single(p => p.Kind == ProofKind.Final).DueBy;

        var details = await InForce(id, new ProposeAmendment(version, "Zwölf statt acht Teilnehmende; Antrag vom 3. März.", Today, Amount: 48_000m,
            ProjectEnd: new DateOnly(2027, 11, 30), CostPlan: new CostPlan(60_000m, 12_000m, 0m), Conditions: ["Bericht zum 31. Mai"]));

        var amended = details.DecisionVersions.Single(v => v.Version == 2);
        amended.Kind.ShouldBe(DecisionVersionKind.Amendment);
        var notice = details.Documents.Single(d => d.Kind == DocumentKind.ChangeNotice);
        amended.ChangeNotice.ShouldBe(notice.DocumentId);
        notice.FileName.ShouldBe($"Aenderungsbescheid-{id.ToString("N")[..8]}-v2.pdf");
        notice.AttachedBy.ShouldBe(IssueChangeNoticeHandler.Actor);
        details.DecisionVersions[0].ChangeNotice.ShouldBeNull("the approval has its decision letter");

        using var answer = await Download(Applicant, id, notice.DocumentId.ToString());
        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        answer.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var bytes = await answer.Content.ReadAsByteArrayAsync(Cancellation);
        Convert.ToHexStringLower(SHA256.HashData(bytes)).ShouldBe(notice.Sha256);
        var text = Text(bytes);
        text.ShouldContain("Änderungsbescheid");
        text.ShouldContain(details.Applicant.Name);
        text.ShouldContain($"Aktenzeichen: {id:D}");
        text.ShouldContain($"Bezug: Zuwendungsbescheid vom {Day(before.DecisionVersions[0].EffectiveFrom)}");
        text.ShouldContain($"mit Wirkung vom {Day(Today)}");
        text.ShouldContain("Zuwendung: neu 48.000,00 EUR (bisher 40.000,00 EUR)");
        text.ShouldContain($"neu bis 30.11.2027 (bisher bis {Day(before.Plan.Duration.To)})");
        text.ShouldContain("neu 60.000,00 EUR (bisher 50.000,00 EUR)");
        text.ShouldContain($"Schlussnachweis (final): neu bis 30.05.2028 (bisher bis {Day(finalBefore)})");
        text.ShouldContain("Bericht zum 31. Mai");
        text.ShouldContain("Zwölf statt acht Teilnehmende; Antrag vom 3. März.");
        text.ShouldContain($"{Caseworker.Id} am");
        text.ShouldContain($"{Approver.Id} am");
        text.ShouldContain("bleiben unverändert in Kraft");
        text.ShouldContain("Rechtsbehelfsbelehrung");

        await using var session = Store.QuerySession();
        var again = ChangeNoticePdf.Render((await ChangeNoticeFacts.LoadAsync(session, id, 2, Cancellation))!);
        Convert.ToHexStringLower(SHA256.HashData(again)).ShouldBe(notice.Sha256, "rendered again from the events, the notice has another hash");

        // A redelivered request issues no second notice.
        await Host.InvokeMessageAndWaitAsync(new IssueChangeNotice(id, 2), 60_000);
        (await EventsOf(id)).OfType<DocumentAttached>().Count(d => d.Kind == DocumentKind.ChangeNotice).ShouldBe(1);
        (await Details(id)).Version.ShouldBe(details.Version);
    }

    [Fact]
    public async Task The_notice_is_read_by_whoever_reads_the_decision_letter_and_by_nobody_else_and_nobody_uploads_one()
    {
        var (id, version) = await Approved(await WithoutVote());
        var details = await InForce(id, new ProposeAmendment(version, "Neue Auflage zur Berichterstattung", Today, Conditions: ["Bericht zum 31. Mai"]));
        var notice = details.DecisionVersions[1].ChangeNotice.ShouldNotBeNull().ToString();

        foreach (var (user, status) in new[]
                 {
                     (Applicant, HttpStatusCode.OK), (Caseworker, HttpStatusCode.OK), (Approver, HttpStatusCode.OK), (Reviewer, HttpStatusCode.OK),
                     (DemoUsers.Auditor, HttpStatusCode.OK), (Stranger, HttpStatusCode.Forbidden), (OtherReviewer, HttpStatusCode.Forbidden),
                     (DemoUsers.ProjectLead, HttpStatusCode.Forbidden),
                 })
        {
            using var download = await Download(user, id, notice);
            download.StatusCode.ShouldBe(status, user.Id);
        }

        var events = await EventCount();
        using var upload = await Upload(Applicant, id, TestDocuments.Pdf(), "Aenderungsbescheid.pdf", details.Version, "changeNotice");
        upload.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await EventCount()).ShouldBe(events);
    }

    [Fact]
    public async Task Reductions_and_reclaims_are_versions_of_the_decision_numbered_before_the_next_amendment_and_the_read_model_rebuilds_them()
    {
        var programme = await WithoutVote();
        var (id, version) = await Approved(programme, 40_000m);

        version = await ActAndWait(Caseworker, id, "approved-amount-reduction", new ReduceApprovedAmount(version, 36_000m, "Geringere Sachkosten"));
        var details = await InForce(id, new ProposeAmendment(version, "Neue Auflage zur Berichterstattung", Today, Conditions: ["Bericht zum 31. Mai"]));
        await ActAndWait(Caseworker, id, "reclaims", new DemandReclaim(details.Version, 6_000m, "Ein Modul entfiel", Today.AddDays(30)));

        details = await Details(id);
        details.DecisionVersions.Select(v => (v.Version, v.Kind, v.Amount)).ShouldBe([
            (1, DecisionVersionKind.Approval, 40_000m), (2, DecisionVersionKind.Reduction, 36_000m), (3, DecisionVersionKind.Amendment, 36_000m),
            (4, DecisionVersionKind.Reclaim, 30_000m),
        ]);
        var reduction = details.DecisionVersions[1];
        reduction.Changes.ShouldBe([AmendmentChange.Amount]);
        (reduction.Reason, reduction.ProposedBy, reduction.EffectiveFrom, reduction.ChangeNotice).ShouldBe(("Geringere Sachkosten", Caseworker.Id, Today, (Guid?)null));
        details.DecisionVersions[2].Conditions.ShouldBe(["Bericht zum 31. Mai"]);
        details.DecisionVersions[3].Conditions.ShouldBe(["Bericht zum 31. Mai"], "a reclaim keeps the rest of the version it follows");
        details.DecisionVersions[3].Reason.ShouldBe("Ein Modul entfiel");
        details.ApprovedAmount.ShouldBe(30_000m);
        details.Documents.Count(d => d.Kind == DocumentKind.ChangeNotice).ShouldBe(1, "only the amendment has a change notice");
        var text = Text(await (await Download(Applicant, id, details.DecisionVersions[2].ChangeNotice!.Value.ToString())).Content.ReadAsByteArrayAsync(Cancellation));
        text.ShouldContain("in der Fassung 3");
        text.ShouldContain($"zuletzt in der Fassung 2 vom {Day(Today)}", customMessage: "the reduction is the version the amendment amends");
        text.ShouldNotContain("Zuwendung: neu", customMessage: "the amount did not change in this amendment");

        // The write model numbers the versions alike, and folding the events again gives the same rows.
        await using var session = Store.QuerySession();
        (await session.Events.AggregateStreamAsync<FundingApplication>(id, token: Cancellation))!.Decisions.Select(d => (d.Version, d.Amount))
            .ShouldBe(details.DecisionVersions.Select(v => (v.Version, v.Amount)));
        var rebuilt = (await session.Events.AggregateStreamAsync<ApplicationDetails>(id, token: Cancellation))!.DecisionVersions;
        JsonSerializer.Serialize(rebuilt).ShouldBe(JsonSerializer.Serialize(details.DecisionVersions));
    }
}
