using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Letters;
using Fachwerk.Domain.Applications;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Documents;
using Fachwerk.IntegrationTests.Infrastructure;
using Wolverine.Tracking;
using UglyToad.PdfPig;

namespace Fachwerk.IntegrationTests.Letters;

/// <summary>The decision letter issued with an approval: what it says, that there is one, and who reads it (ADR 0104).</summary>
public class DecisionLetterTests(AppFixture fixture) : DocumentApi(fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private Task<Guid> WithoutVote() => LaunchProgramme(rules: Rules(voteRequired: false));

    [Fact]
    public async Task An_approval_issues_a_letter_that_opens_says_what_was_decided_and_by_whom_and_renders_again_to_the_same_hash()
    {
        var (id, _) = await Approved(await WithoutVote(), 40_000m, retained: 4_000m);
        var details = await Details(id);
        var letter = details.Documents.ShouldHaveSingleItem();
        letter.Kind.ShouldBe(DocumentKind.DecisionLetter);
        letter.MediaType.ShouldBe("application/pdf");
        letter.AttachedBy.ShouldBe(IssueDecisionLetterHandler.Actor);

        using var answer = await Download(Applicant, id, letter.DocumentId.ToString());
        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        answer.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        answer.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        var bytes = await answer.Content.ReadAsByteArrayAsync(Cancellation);
        Convert.ToHexStringLower(SHA256.HashData(bytes)).ShouldBe(letter.Sha256);

        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes))
        {
            var text = string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
            text.ShouldContain("Zuwendungsbescheid");
            text.ShouldContain("40.000,00 EUR");
            text.ShouldContain("50.000,00 EUR");
            text.ShouldContain("80 %");
            text.ShouldContain("4.000,00 EUR");
            text.ShouldContain(details.Applicant.Name);
            text.ShouldContain(details.Plan.Title);
            text.ShouldContain(details.Programme.Name);
            text.ShouldContain($"{Caseworker.Id} am");
            text.ShouldContain($"{Approver.Id} am");
            foreach (var proof in details.Funding!.ProofsOfUse)
                text.ShouldContain(proof.DueBy.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture));
            text.ShouldContain("Rechtsbehelfsbelehrung");
        }

        await using var session = Store.QuerySession();
        var again = DecisionLetterPdf.Render((await DecisionLetterFacts.LoadAsync(session, id, Cancellation))!);
        Convert.ToHexStringLower(SHA256.HashData(again)).ShouldBe(letter.Sha256, "rendered again from the events, the letter has another hash");
    }

    [Fact]
    public async Task A_redelivered_request_issues_no_second_letter_and_an_application_not_approved_gets_none()
    {
        var (id, version) = await Approved(await WithoutVote());
        await Host.InvokeMessageAndWaitAsync(new IssueDecisionLetter(id), 60_000);
        await Host.InvokeMessageAndWaitAsync(new IssueDecisionLetter(id), 60_000);

        (await EventsOf(id)).OfType<DocumentAttached>().ShouldHaveSingleItem().Kind.ShouldBe(DocumentKind.DecisionLetter);
        (await Details(id)).Version.ShouldBe(version);

        var draft = await Draft(await LaunchProgramme());
        await Host.InvokeMessageAndWaitAsync(new IssueDecisionLetter(draft), 60_000);
        (await EventsOf(draft)).OfType<DocumentAttached>().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_confirmed_rejection_issues_an_ablehnungsbescheid_with_the_reasons_that_the_applicant_downloads()
    {
        var (id, version) = await ReadyForDecision(await WithoutVote(), vote: false);
        version = await Act(Caseworker, id, "decision-proposal", new ProposeDecision(version, DecisionKind.Reject, RejectionReason: "Kein regionaler Bedarf belegt"));
        await ConfirmAndWait(id, version);

        var details = await Details(id);
        details.Status.ShouldBe(ApplicationStatus.Rejected);
        details.Version.ShouldBe(version + 3, "confirmed, rejected, and the letter attached");
        var letter = details.Documents.ShouldHaveSingleItem();
        letter.Kind.ShouldBe(DocumentKind.DecisionLetter);
        letter.FileName.ShouldBe($"Ablehnungsbescheid-{id.ToString("N")[..8]}.pdf");
        letter.AttachedBy.ShouldBe(IssueDecisionLetterHandler.Actor);

        using var answer = await Download(Applicant, id, letter.DocumentId.ToString());
        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bytes = await answer.Content.ReadAsByteArrayAsync(Cancellation);
        Convert.ToHexStringLower(SHA256.HashData(bytes)).ShouldBe(letter.Sha256);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes);
        var text = string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        text.ShouldContain("Ablehnungsbescheid");
        text.ShouldContain("Kein regionaler Bedarf belegt");
        text.ShouldContain($"{Caseworker.Id} am");
        text.ShouldContain($"{Approver.Id} am");
        text.ShouldContain("Rechtsbehelfsbelehrung");

        await Host.InvokeMessageAndWaitAsync(new IssueDecisionLetter(id), 60_000);
        (await Details(id)).Version.ShouldBe(version + 3, "a redelivered request issues no second letter");
    }

    [Fact]
    public async Task The_letter_is_read_by_the_applicants_people_staff_the_alliance_and_auditors_and_by_nobody_else()
    {
        var (id, _) = await Approved(await WithoutVote());
        var letter = (await Details(id)).Documents.Single(d => d.Kind == DocumentKind.DecisionLetter).DocumentId.ToString();

        foreach (var (user, status) in new[]
                 {
                     (Applicant, HttpStatusCode.OK), (Caseworker, HttpStatusCode.OK), (Approver, HttpStatusCode.OK), (Reviewer, HttpStatusCode.OK),
                     (DemoUsers.Auditor, HttpStatusCode.OK), (Stranger, HttpStatusCode.Forbidden), (OtherReviewer, HttpStatusCode.Forbidden),
                     (DemoUsers.ProjectLead, HttpStatusCode.Forbidden),
                 })
        {
            using var download = await Download(user, id, letter);
            download.StatusCode.ShouldBe(status, user.Id);
        }
    }

    [Fact]
    public async Task Nobody_uploads_a_decision_letter_the_authority_did_not_issue()
    {
        var id = await Draft(await LaunchProgramme());
        var events = await EventCount();
        var pdf = TestDocuments.Pdf();

        using var answer = await Upload(Applicant, id, pdf, "Zuwendungsbescheid.pdf", 1, "decisionLetter");

        answer.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemAsync(answer)).Detail.ShouldNotBeNull();
        await NothingStored(events, pdf);
    }
}
