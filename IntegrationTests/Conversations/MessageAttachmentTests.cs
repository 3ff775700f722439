using System.Net;
using System.Security.Cryptography;
using Fachwerk.Application.Common;
using Fachwerk.Application.Conversations;
using Fachwerk.Domain.Conversations;
using Fachwerk.IntegrationTests.Documents;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Conversations;

/// <summary>A message carries documents of its case: named with their hashes, downloadable like the case's documents, nothing else.</summary>
public class MessageAttachmentTests(AppFixture fixture) : DocumentApi(fixture)
{
    private async Task<Guid> Uploaded(Guid application, byte[] bytes, string fileName)
    {
        using var answer = await Upload(Applicant, application, bytes, fileName, (await Details(application)).Version, "correspondence");
        answer.StatusCode.ShouldBe(HttpStatusCode.Created, await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return Guid.Parse((await ReadAsync<CommandAccepted>(answer)).Created!.Key);
    }

    [Fact]
    public async Task A_message_names_the_attached_documents_with_their_hashes_and_both_sides_download_them()
    {
        var application = await Submitted(await LaunchProgramme());
        var pdf = TestDocuments.Pdf();
        var document = await Uploaded(application, pdf, "Teilnehmerliste.pdf");

        await Post<CommandAccepted>(Applicant, "/api/messages", new WriteMessage(0, application, "Anbei die Liste.", [document]));

        var hash = Convert.ToHexStringLower(SHA256.HashData(pdf));
        var written = (await EventsOf(Conversation.IdOf(application))).OfType<MessageWritten>().ShouldHaveSingleItem();
        written.Attachments.ShouldBe([new MessageAttachment(document, "Teilnehmerliste.pdf", hash)]);
        var seen = await Get<CaseConversation>(Caseworker, $"/api/applications/{application}/conversation");
        seen.Messages.ShouldHaveSingleItem().Attachments.ShouldBe([new MessageAttachment(document, "Teilnehmerliste.pdf", hash)]);

        using var download = await Download(Caseworker, application, document.ToString());
        (await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).ShouldBe(pdf);

        // Without attachments the message has none (and the event stays as it was before attachments existed).
        await Post<CommandAccepted>(Caseworker, "/api/messages", new WriteMessage(1, application, "Danke, erhalten."));
        (await EventsOf(Conversation.IdOf(application))).OfType<MessageWritten>().Last().Attachments.ShouldBeNull();
    }

    [Fact]
    public async Task Documents_of_another_case_too_many_twice_or_empty_are_refused_and_nothing_is_appended()
    {
        var programme = await LaunchProgramme();
        var application = await Submitted(programme);
        var elsewhere = await Submitted(programme);
        var foreign = await Uploaded(elsewhere, TestDocuments.Pdf(), "Fremd.pdf");
        var own = await Uploaded(application, TestDocuments.Text(), "Notiz.txt");
        var before = await EventCount();

        var unknown = await ProblemOf(await Post(Applicant, "/api/messages", new WriteMessage(0, application, "Mit fremdem Anhang", [foreign]), 409));
        unknown.Extensions["code"]!.ToString().ShouldBe("conversation.attachment-unknown");
        await Post(Applicant, "/api/messages", new WriteMessage(0, application, "Ausgedacht", [Guid.NewGuid()]), 409);

        var tooMany = Enumerable.Range(0, WriteMessage.MaxAttachments + 1).Select(_ => Guid.NewGuid()).ToList();
        (await ValidationProblemOf(await Post(Applicant, "/api/messages", new WriteMessage(0, application, "Viele", tooMany), 400))).Errors.Keys
            .ShouldBe(["attachments"]);
        await Post(Applicant, "/api/messages", new WriteMessage(0, application, "Doppelt", [own, own]), 400);
        (await ValidationProblemOf(await Post(Applicant, "/api/messages", new WriteMessage(0, application, "Leer", [Guid.Empty]), 400))).Errors.Keys
            .ShouldBe(["attachments[0]"]);

        (await EventCount()).ShouldBe(before);
    }
}
