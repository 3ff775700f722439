using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Audit;
using Fachwerk.Application.Common;
using Fachwerk.Application.Conversations;
using Fachwerk.Domain.Conversations;
using Fachwerk.Domain.Applications;
using Fachwerk.IntegrationTests.Infrastructure;
using Marten;

namespace Fachwerk.IntegrationTests.Audit;

public class CaseFileTests(AppFixture fixture) : AuditApi(fixture)
{
    private async Task<Dictionary<string, byte[]>> Download(Guid application)
    {
        var result = await GetExpecting(Auditor, $"/api/audit/applications/{application}/case-file", 200);
        result.Context.Response.ContentType.ShouldBe("application/zip");
        result.Context.Response.Headers.ContentDisposition.ToString().ShouldContain($"case-file-{application}.zip");

        using var zip = new ZipArchive(new MemoryStream(await ReadBytes(result)));
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var content = new MemoryStream();
            using var entry = e.Open();
            entry.CopyTo(content);
            return content.ToArray();
        });
    }

    private static async Task<byte[]> ReadBytes(Alba.IScenarioResult result)
    {
        using var buffer = new MemoryStream();
        if (result.Context.Response.Body.CanSeek) result.Context.Response.Body.Position = 0;
        await result.Context.Response.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    [Fact]
    public async Task The_case_file_holds_timeline_decisions_with_their_basis_rule_check_and_chain_digest_as_json_and_html()
    {
        var id = await Approved(amount: 31_500m);
        await CatchUpProjections();

        var files = await Download(id);

        var letter = files.Keys.Where(k => k.StartsWith("documents/", StringComparison.Ordinal) && k.EndsWith(".pdf", StringComparison.Ordinal)).ShouldHaveSingleItem("the decision letter");
        files.Keys.ShouldBe([CaseFiles.JsonName, CaseFiles.HtmlName, letter, CaseFiles.ChecksumsName], ignoreOrder: true);
        Encoding.UTF8.GetString(files[CaseFiles.ChecksumsName]).Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(
        [
            $"{Convert.ToHexStringLower(SHA256.HashData(files[CaseFiles.JsonName]))}  {CaseFiles.JsonName}",
            $"{Convert.ToHexStringLower(SHA256.HashData(files[CaseFiles.HtmlName]))}  {CaseFiles.HtmlName}",
            $"{Convert.ToHexStringLower(SHA256.HashData(files[letter]))}  {letter}",
        ], ignoreOrder: true);

        var caseFile = JsonSerializer.Deserialize<CaseFile>(files[CaseFiles.JsonName], AuditJson.Options)!;
        caseFile.Format.ShouldBe(CaseFiles.Format);
        caseFile.ApplicationId.ShouldBe(id);
        caseFile.GeneratedBy.ShouldBe(Auditor.Id);
        caseFile.Title.ShouldBe("Expedition Job");
        caseFile.Current.Status.ShouldBe(ApplicationStatus.Approved);
        caseFile.Timeline.Entries.Count.ShouldBe(8, "seven to the approval, then the decision letter");
        caseFile.Decisions.Select(d => d.Kind).ShouldBe(["alliance-vote", "proposal", "confirmation"]);
        caseFile.Decisions[1].StateAtBasis!.Status.ShouldBe(ApplicationStatus.AllianceVoted);
        caseFile.Decisions[1].StateAtBasis!.ApprovedAmount.ShouldBeNull();
        caseFile.RuleCheck!.FindingCount.ShouldBe(0);
        caseFile.SectionsNotCovered.ShouldBeEmpty();
        caseFile.Sections.Select(s => s.Key).ShouldBe([CaseFileSections.Conversation, CaseFileSections.Payments]);
        var talk = ((JsonElement)caseFile.Sections[0].Content!).Deserialize<ConversationRecord>(AuditJson.Options)!;
        (talk.Version, talk.Messages.Count, talk.InternalNotes.Count).ShouldBe((0L, 0, 0));
        var money = caseFile.Sections[1];
        var payments = ((JsonElement)money.Content!).Deserialize<PaymentsSection>(AuditJson.Options)!;
        payments.ApprovedAmount.ShouldBe(31_500m);
        payments.Committed.ShouldBe(31_500m);
        payments.Payments.ShouldBeEmpty();
        payments.BudgetMovements.ShouldHaveSingleItem().Kind.ShouldBe("committed");

        var links = await Verifier.LinksAsync(id, Cancellation);
        caseFile.Chain.Intact.ShouldBeTrue();
        caseFile.Chain.Version.ShouldBe(8, "the decision letter is the head");
        caseFile.Chain.HeadHash.ShouldBe(links[^1].Hash);
        caseFile.Chain.Links.Select(l => l.Hash).ShouldBe(links.Select(l => l.Hash));
        caseFile.Chain.Digest.ShouldBe(EventChainHash.Digest([new ChainHead(id, 8, links[^1].Hash)]));

        var html = Encoding.UTF8.GetString(files[CaseFiles.HtmlName]);
        html.ShouldStartWith("<!DOCTYPE html>");
        html.ShouldContain("Prüfakte Förderantrag");
        html.ShouldContain("Antrag bewilligt <span class=\"en\">/ Application approved</span>");
        html.ShouldContain("Votum des Bündnisses abgegeben");
        html.ShouldContain("31.500,00 €");
        html.ShouldContain(links[^1].Hash);
        html.ShouldContain("Zahlungen, Verwendungsnachweise und Rückforderungen");
        html.ShouldNotContain("<script");
    }

    [Fact]
    public async Task The_case_file_follows_the_money_committed_paid_checked_reclaimed_and_repaid_with_who_did_what()
    {
        var programme = await LaunchProgramme(budget: 100_000m, rules: Rules(voteRequired: false));
        var (id, version) = await FinalProofWithFinding(programme, 6_000m);
        version = await ActAndWait(Caseworker, id, "reclaims", new DemandReclaim(version, 6_000m, "Nicht förderfähige Bewirtungskosten", Today.AddDays(30)));
        await Act(Caseworker, id, "repayments", new RecordRepayment(version, 6_000m, Today.AddDays(20)));

        var caseFile = JsonSerializer.Deserialize<CaseFile>((await Download(id))[CaseFiles.JsonName], AuditJson.Options)!;
        var payments = ((JsonElement)caseFile.Sections.Single(s => s.Key == CaseFileSections.Payments).Content!).Deserialize<PaymentsSection>(AuditJson.Options)!;

        payments.ApprovedAmount.ShouldBe(34_000m);
        payments.FundingRate.ShouldBe(0.8m);
        payments.Paid.ShouldBe(40_000m);
        payments.Reclaimed.ShouldBe(6_000m);
        payments.Repaid.ShouldBe(6_000m);
        payments.Committed.ShouldBe(34_000m);
        var payment = payments.Payments.ShouldHaveSingleItem();
        (payment.Amount, payment.CheckedBy, payment.ReleasedBy).ShouldBe((40_000m, Caseworker.Id, OtherCaseworker.Id));
        payments.ProofsOfUse.Select(p => p.Proof).ShouldBe(["interim-2026", "final"]);
        payments.ProofsOfUse[1].FirstCheck!.Findings.ShouldHaveSingleItem().AmountConcerned.ShouldBe(6_000m);
        payments.Reclaims.ShouldHaveSingleItem().Reason.ShouldBe("Nicht förderfähige Bewirtungskosten");
        payments.Repayments.ShouldHaveSingleItem().Amount.ShouldBe(6_000m);

        // The programme's side of the money, placed in the programme's stream for its timeline and chain.
        payments.BudgetMovements.Select(m => (m.Kind, m.Amount)).ShouldBe([("committed", 40_000m), ("released", 6_000m)]);
        payments.BudgetMovements.ShouldAllBe(m => m.ProgrammeStreamId == programme);
        var programmeTimeline = await Get<StreamTimeline>(Auditor, $"/api/audit/streams/{programme}/timeline");
        foreach (var movement in payments.BudgetMovements)
            programmeTimeline.Entries.Single(e => e.Version == movement.ProgrammeStreamVersion).Sequence.ShouldBe(movement.Sequence);
    }

    [Fact]
    public async Task A_tampered_stream_shows_in_its_case_file()
    {
        var id = await Approved();
        await Sql($"UPDATE {{schema}}.mt_events SET data = jsonb_set(data, '{{amount}}', '99000') WHERE stream_id = '{id}' AND version = 7");

        var caseFile = JsonSerializer.Deserialize<CaseFile>((await Download(id))[CaseFiles.JsonName], AuditJson.Options)!;

        caseFile.Chain.Intact.ShouldBeFalse();
        caseFile.Chain.Break!.Version.ShouldBe(7);
        caseFile.Chain.Break.Kind.ShouldBe(ChainBreakKind.EventAltered);
    }

    [Fact]
    public async Task Sections_registered_through_the_extension_point_are_part_of_the_case_file()
    {
        var id = await Approved();
        var sections = new CaseFileSections([new PaymentsStub()]);

        await using var session = Store.QuerySession();
        var caseFile = (await CaseFiles.BuildAsync(id, session, Verifier, sections, Auditor.Id, Clock.GetUtcNow(), Cancellation))!;

        caseFile.SectionsNotCovered.ShouldBe([CaseFileSections.Conversation]);
        var section = caseFile.Sections.ShouldHaveSingleItem();
        section.Key.ShouldBe(CaseFileSections.Payments);
        var html = CaseFileHtml.Render(caseFile);
        html.ShouldContain("Zahlungen <span class=\"en\">/ Payments</span>");
        html.ShouldContain("Nicht enthalten");
    }

    [Fact]
    public async Task The_case_file_holds_the_conversation_with_internal_notes_which_only_auditors_may_download()
    {
        var id = await Approved();
        var written = await Post<CommandAccepted>(Applicant, "/api/messages", new WriteMessage(0, id, "Wann kommt der Bescheid?"));
        written = await Post<CommandAccepted>(Caseworker, "/api/internal-notes", new WriteInternalNote(written.Version, id, "Bescheid folgt nach Mittelabruf."));
        await Post<CommandAccepted>(Caseworker, "/api/messages", new WriteMessage(written.Version, id, "Der Bescheid ist unterwegs."));

        var files = await Download(id);
        var caseFile = JsonSerializer.Deserialize<CaseFile>(files[CaseFiles.JsonName], AuditJson.Options)!;
        var talk = ((JsonElement)caseFile.Sections.Single(s => s.Key == CaseFileSections.Conversation).Content!)
            .Deserialize<ConversationRecord>(AuditJson.Options)!;
        talk.ConversationId.ShouldBe(Conversation.IdOf(id));
        talk.Version.ShouldBe(3);
        talk.Messages.Select(m => (m.Side, m.WrittenBy, m.Text)).ShouldBe(
            [(ConversationSide.Applicant, Applicant.Id, "Wann kommt der Bescheid?"), (ConversationSide.Authority, Caseworker.Id, "Der Bescheid ist unterwegs.")]);
        talk.InternalNotes.ShouldHaveSingleItem().Text.ShouldBe("Bescheid folgt nach Mittelabruf.");
        var html = Encoding.UTF8.GetString(files[CaseFiles.HtmlName]);
        html.ShouldContain("Nachrichten und interne Vermerke");
        html.ShouldContain("Bescheid folgt nach Mittelabruf.");

        // The internal note reaches nobody acting for the applicant through the case file: it is the auditors' alone.
        await GetExpecting(Applicant, $"/api/audit/applications/{id}/case-file", 403);
        await GetExpecting(Caseworker, $"/api/audit/applications/{id}/case-file", 403);
    }

    [Fact]
    public async Task Unknown_applications_answer_404_and_non_auditors_403()
    {
        await GetExpecting(Auditor, $"/api/audit/applications/{Guid.NewGuid()}/case-file", 404);
        await GetExpecting(Caseworker, $"/api/audit/applications/{Guid.NewGuid()}/case-file", 403);
        await GetExpecting(Administrator, $"/api/audit/applications/{Guid.NewGuid()}/case-file", 404);
    }

    private sealed class PaymentsStub : ICaseFileSection
    {
        public string Key => CaseFileSections.Payments;
        public Label Title { get; } = new("Zahlungen", "Payments");

        public Task<object?> BuildAsync(Guid applicationId, IQuerySession session, CancellationToken cancellation) =>
            Task.FromResult<object?>(new { requested = 0m, released = 0m });
    }
}
