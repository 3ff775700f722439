using Alba;
using Fachwerk.Application.Common;
using Fachwerk.Application.Conversations;
using Fachwerk.Domain.Conversations;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Applications;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Conversations;

/// <summary>
/// The conversation on a case: messages between the applicant's people and the authority, internal notes for staff only,
/// unread counts per reader, and the refusals that leave nothing behind.
/// </summary>
public class ConversationTests(AppFixture fixture) : ApplicationApi(fixture)
{
    // Acts for the applicant organisation and is a caseworker too: still never reads the internal notes.
    private static readonly DemoUser ApplicantAndCaseworker =
        DemoUsers.Applicant with { Id = "clara.doppelrolle", DisplayName = "Clara", Roles = [Roles.Applicant, Roles.Caseworker] };

    private static readonly DemoUser OtherApplicant = DemoUsers.Applicant with { Id = "otto.ohnesorg", DisplayName = "Otto" };

    protected override (Guid? Organisation, Guid? Alliance, Guid? Pilot) BindingsOf(DemoUser user, string? url) =>
        user == ApplicantAndCaseworker ? (ApplicantId, null, null)
        : user == OtherApplicant ? (ChamberId, null, null)
        : base.BindingsOf(user, url);

    private Task<CaseConversation> Conversation(DemoUser user, Guid application) =>
        Get<CaseConversation>(user, $"/api/applications/{application}/conversation");

    private Task<CommandAccepted> Message(DemoUser user, Guid application, long version, string text) =>
        Post<CommandAccepted>(user, "/api/messages", new WriteMessage(version, application, text));

    private Task<IScenarioResult> RefusedMessage(DemoUser user, Guid application, long version, string text, int status) =>
        Post(user, "/api/messages", new WriteMessage(version, application, text), status);

    private Task<CommandAccepted> Note(DemoUser user, Guid application, long version, string text) =>
        Post<CommandAccepted>(user, "/api/internal-notes", new WriteInternalNote(version, application, text));

    private Task<IScenarioResult> RefusedNote(DemoUser user, Guid application, long version, string text, int status) =>
        Post(user, "/api/internal-notes", new WriteInternalNote(version, application, text), status);

    [Fact]
    public async Task Applicant_and_caseworker_write_to_each_other_and_each_sees_what_is_new_for_them()
    {
        var application = await Submitted(await LaunchProgramme());

        var empty = await Conversation(Applicant, application);
        empty.Version.ShouldBe(0);
        empty.Messages.ShouldBeEmpty();
        empty.WritesAs.ShouldBe(ConversationSide.Applicant);

        var asked = await Message(Caseworker, application, 0, "Bitte erläutern Sie die Position Honorare.\nDanke!");
        asked.Version.ShouldBe(1);
        asked.Created!.Key.ShouldBe("1");
        (await Message(Applicant, application, 1, "Die Honorare sind für zwei Trainerinnen.")).Version.ShouldBe(2);

        var applicantView = await Conversation(Applicant, application);
        applicantView.Messages.Select(m => (m.Number, m.Side, m.WrittenBy)).ShouldBe(
            [(1, ConversationSide.Authority, Caseworker.Id), (2, ConversationSide.Applicant, Applicant.Id)]);
        applicantView.Messages[0].Text.ShouldBe("Bitte erläutern Sie die Position Honorare.\nDanke!");
        // The caseworker's question is new to the applicant; her own answer is not.
        applicantView.UnreadMessages.ShouldBe(1);
        (await Conversation(Caseworker, application)).UnreadMessages.ShouldBe(1);

        var marked = await Read<CaseConversation>(await Send(Applicant, HttpMethod.Put, $"/api/applications/{application}/conversation/read-mark",
            new MarkConversationRead(2)));
        marked.UnreadMessages.ShouldBe(0);
        marked.MessagesRead.ShouldBe(2);
        // A mark never moves back, nor past what was written.
        await Send(Applicant, HttpMethod.Put, $"/api/applications/{application}/conversation/read-mark", new MarkConversationRead(1));
        (await Conversation(Applicant, application)).MessagesRead.ShouldBe(2);
        await Send(Caseworker, HttpMethod.Put, $"/api/applications/{application}/conversation/read-mark", new MarkConversationRead(99));
        (await Conversation(Caseworker, application)).MessagesRead.ShouldBe(2);
    }

    [Fact]
    public async Task The_inbox_counts_the_messages_each_reader_has_not_read()
    {
        var application = await Submitted(await LaunchProgramme());
        await Message(Applicant, application, 0, "Wann entscheiden Sie?");
        await Message(Applicant, application, 1, "Und noch eine Frage zum Eigenanteil.");

        UnreadIn(await Inbox(Caseworker, "?role=caseworker&pageSize=200"), application).ShouldBe(2);
        await Send(Caseworker, HttpMethod.Put, $"/api/applications/{application}/conversation/read-mark", new MarkConversationRead(1));
        UnreadIn(await Inbox(Caseworker, "?role=caseworker&pageSize=200"), application).ShouldBe(1);
        // Each reader has their own mark: the approver has read nothing.
        (await Conversation(Approver, application)).UnreadMessages.ShouldBe(2);
    }

    private static int UnreadIn(Page<Fachwerk.Application.Applications.InboxEntry> inbox, Guid application) =>
        inbox.Items.Single(e => e.ApplicationId == application).UnreadMessages;

    [Fact]
    public async Task Internal_notes_reach_staff_and_never_anyone_acting_for_the_applicant()
    {
        var application = await Submitted(await LaunchProgramme());
        await Note(Caseworker, application, 0, "Vertraulich: Finanzierungsplan wirkt knapp kalkuliert.");
        await Message(Caseworker, application, 1, "Guten Tag, eine Rückfrage folgt.");

        var staff = await Conversation(Approver, application);
        staff.InternalNotes!.Single().Text.ShouldBe("Vertraulich: Finanzierungsplan wirkt knapp kalkuliert.");
        staff.UnreadNotes.ShouldBe(1);
        staff.WritesInternalNotes.ShouldBeTrue();
        (await Conversation(Auditor(), application)).InternalNotes!.Count.ShouldBe(1);

        foreach (var applicantSide in new[] { Applicant, ApplicantAndCaseworker })
        {
            var raw = await (await Host.Scenario(s =>
            {
                Authorize(s, applicantSide);
                s.Get.Url($"/api/applications/{application}/conversation");
                s.StatusCodeShouldBe(200);
            })).ReadAsTextAsync();
            raw.ShouldNotContain("Vertraulich");
            var view = await Conversation(applicantSide, application);
            view.InternalNotes.ShouldBeNull();
            view.UnreadNotes.ShouldBe(0);
            view.WritesInternalNotes.ShouldBeFalse();
            view.Messages.Single().Number.ShouldBe(1);
            // Nor through the application itself, nor the audit views.
            (await (await Host.Scenario(s =>
            {
                Authorize(s, applicantSide);
                s.Get.Url($"/api/applications/{application}");
                s.StatusCodeShouldBe(200);
            })).ReadAsTextAsync()).ShouldNotContain("Vertraulich");
            await Host.Scenario(s =>
            {
                Authorize(s, applicantSide);
                s.Get.Url($"/api/audit/streams/{Fachwerk.Domain.Conversations.Conversation.IdOf(application)}/timeline");
                s.StatusCodeShouldBe(403);
            });
        }

        // Someone acting for the applicant never writes a note either, whatever their other roles.
        var before = await EventCount();
        await RefusedNote(ApplicantAndCaseworker, application, 2, "Ich notiere mir was.", 403);
        await RefusedNote(Applicant, application, 2, "Ich auch.", 403);
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task Nobody_outside_the_case_reads_or_writes_and_a_refusal_appends_nothing()
    {
        var application = await Submitted(await LaunchProgramme());
        var before = await EventCount();

        foreach (var outsider in new[] { OtherApplicant, Reviewer })
        {
            await Host.Scenario(s =>
            {
                Authorize(s, outsider);
                s.Get.Url($"/api/applications/{application}/conversation");
                s.StatusCodeShouldBe(403);
            });
            await RefusedMessage(outsider, application, 0, "Hallo?", 403);
        }

        await RefusedMessage(Auditor(), application, 0, "Prüfer schreiben nicht.", 403);
        await RefusedMessage(Caseworker, Guid.NewGuid(), 0, "Wohin?", 404);
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task Drafts_stale_versions_and_bad_text_are_refused_with_problem_details()
    {
        var programme = await LaunchProgramme();
        var draft = await Draft(programme);
        var before = await EventCount();
        (await ProblemOf(await Post(Applicant, "/api/messages", new WriteMessage(0, draft, "Schon eine Frage"), 409))).Extensions["code"]!
            .ToString().ShouldBe("conversation.draft");

        var application = await Submitted(programme);
        before = await EventCount();
        foreach (var bad in new[] { "", "   ", "Steuer\u0000zeichen", "Escape \u001b[31m", new string('x', ConversationRules.TextLength + 1) })
            await Post(Applicant, "/api/messages", new WriteMessage(0, application, bad), 400);
        await Post(Applicant, "/api/messages", new WriteMessage(-1, application, "Minus"), 400);
        (await EventCount()).ShouldBe(before);

        await Message(Applicant, application, 0, "Erste Nachricht");
        // Someone wrote meanwhile: whoever answers has to read it first.
        var stale = await ProblemOf(await Post(Caseworker, "/api/messages", new WriteMessage(0, application, "Antwort ohne Lesen"), 409));
        stale.Type.ShouldEndWith("stale-version");
        (await Conversation(Caseworker, application)).Messages.Count.ShouldBe(1);
    }

    private static DemoUser Auditor() => DemoUsers.Auditor;
}
