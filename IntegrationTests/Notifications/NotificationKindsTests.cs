using Fachwerk.Application.Applications;
using Fachwerk.Application.Notifications;
using Fachwerk.Domain.Applications;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;
using Marten;
using Wolverine.Tracking;

namespace Fachwerk.IntegrationTests.Notifications;

/// <summary>
/// The kinds beyond the first steps of a case, each read from the mails the SMTP server received: the decision with the way to its
/// letter, proofs of use due and overdue, first-check findings, reclaims, overdue tasks and payments waiting for a second person.
/// </summary>
public class NotificationKindsTests(AppFixture fixture) : NotificationsApi(fixture)
{
    [Fact]
    public async Task The_applicant_is_told_the_decision_with_the_way_to_its_letter_reminded_of_a_proof_of_use_and_told_when_it_is_overdue()
    {
        var due = Today.AddDays(30);
        var (id, _) = await Approved(await LaunchProgramme(rules: Rules(voteRequired: false)), interimProofs: [due],
            duration: new(Today.AddDays(-30), Today.AddDays(300)));
        var tracked = await Host.ExecuteAndWaitAsync(CatchUpProjections, 30_000);
        var reminders = tracked.Scheduled.MessagesOf<DeadlineReminderDue>().Where(r => r.Item == "interim-1").ToList();
        reminders.Select(r => r.DaysBefore).ShouldBe([7, 0], ignoreOrder: true);

        var decision = Of(await MailsAbout(id), NotificationKind.DecisionMade, Applicant).ShouldHaveSingleItem();
        decision.Subject.ShouldStartWith("Bewilligt: ");
        var text = decision.TextBody.ShouldNotBeNull();
        text.ShouldContain("40.000,00 €");
        text.ShouldContain("Den Zuwendungsbescheid mit seinen Auflagen finden Sie auf der Seite des Antrags im Abschnitt „Vorschlag und Entscheidung“.");
        text.ShouldContain($"http://localhost:5080/applications/{id}#decision-heading");
        decision.HtmlBody.ShouldNotBeNull().ShouldContain($"<a href=\"http://localhost:5080/applications/{id}#decision-heading\">");

        Clock.Advance(reminders.Single(r => r.DaysBefore == 7).At - Clock.GetUtcNow());
        await Host.InvokeMessageAndWaitAsync(reminders.Single(r => r.DaysBefore == 7));
        Of(await MailsAbout(id), NotificationKind.ProofOfUseDueReminder, Applicant).ShouldHaveSingleItem()
            .Subject.ShouldStartWith("Erinnerung: Verwendungsnachweis fällig in 7 Tagen, am 01.04.2026");

        Clock.Advance(TimeSpan.FromDays(9));
        await Host.InvokeMessageAndWaitAsync(new ProofOfUseDeadlineReached(id, "interim-1"));
        await Host.InvokeMessageAndWaitAsync(new ProofOfUseDeadlineReached(id, "interim-1"));
        var overdue = Of(await MailsAbout(id), NotificationKind.ProofOfUseOverdue, Applicant).ShouldHaveSingleItem();
        overdue.Subject.ShouldStartWith("Verwendungsnachweis überfällig: ");
        overdue.TextBody.ShouldNotBeNull().ShouldContain("der Verwendungsnachweis „interim-1“ zu Ihrem Antrag");
        overdue.TextBody.ShouldNotBeNull().ShouldContain("war am 01.04.2026 fällig");
    }

    [Fact]
    public async Task The_applicant_is_told_the_findings_of_a_first_check_and_the_reclaim_that_follows()
    {
        var (id, version) = await FinalProofWithFinding(await LaunchProgramme(rules: Rules(voteRequired: false)), 1_200m);

        // The interim proof passed its check without findings: only the final proof's findings are told.
        var findings = Of(await MailsAbout(id), NotificationKind.FirstCheckFindings, Applicant).ShouldHaveSingleItem();
        findings.TextBody.ShouldNotBeNull().ShouldContain("die erste Prüfung des Verwendungsnachweises „final“");
        findings.TextBody.ShouldNotBeNull().ShouldContain("  - Bewirtungskosten sind nicht förderfähig");

        await ActAndWait(Caseworker, id, "reclaims", new DemandReclaim(version, 1_200m, "Nicht förderfähige Bewirtungskosten", Today.AddDays(30)));
        var reclaim = Of(await MailsAbout(id), NotificationKind.ReclaimDemanded, Applicant).ShouldHaveSingleItem();
        reclaim.Subject.ShouldStartWith("Rückforderung: ");
        reclaim.TextBody.ShouldNotBeNull().ShouldContain("wird ein Teil der Zuwendung zurückgefordert: 1.200,00 €");
    }

    [Fact]
    public async Task A_caseworkers_task_is_told_once_when_it_becomes_overdue_and_not_when_it_was_done_in_time()
    {
        var programme = await LaunchProgramme(rules: Rules(voteRequired: false));
        var late = await Submitted(programme);
        await Act(Caseworker, late, "formal-completeness", new CompleteFormally(2));
        var onTime = await Submitted(programme, Plan(title: "Rückkehrertage Hameln"));
        var version = await Act(Caseworker, onTime, "formal-completeness", new CompleteFormally(2));
        var tracked = await Host.ExecuteAndWaitAsync(CatchUpProjections, 30_000);

        var checks = tracked.Scheduled.MessagesOf<TaskOverdueDue>().ToList();
        var lateCheck = checks.Where(c => c.ApplicationId == late).ShouldHaveSingleItem();
        lateCheck.TaskKey.ShouldBe("application");
        lateCheck.DueBy.ShouldBe((await Details(late)).DecisionDueBy.ShouldNotBeNull());
        var onTimeCheck = checks.Where(c => c.ApplicationId == onTime).ShouldHaveSingleItem();
        await Act(Caseworker, onTime, "decision-proposal", new ProposeDecision(version, DecisionKind.Approve, 40_000m));

        // Before its due date the check finds nothing overdue.
        await Host.InvokeMessageAndWaitAsync(lateCheck);
        Of(await MailsAbout(late), NotificationKind.TaskOverdue, Caseworker).ShouldBeEmpty();

        Clock.Advance(lateCheck.DueBy - Clock.GetUtcNow());
        await Host.InvokeMessageAndWaitAsync(lateCheck);
        await Host.InvokeMessageAndWaitAsync(lateCheck);
        await Host.InvokeMessageAndWaitAsync(onTimeCheck);

        var overdue = Of(await MailsAbout(late), NotificationKind.TaskOverdue, Caseworker).ShouldHaveSingleItem();
        overdue.Subject.ShouldStartWith("Überfällig: ");
        overdue.TextBody.ShouldNotBeNull().ShouldContain("ist noch offen: die Entscheidung über den Antrag vorbereiten.");
        Of(await MailsAbout(onTime), NotificationKind.TaskOverdue, Caseworker).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_payment_the_checker_may_not_release_alone_is_told_to_the_other_caseworkers_and_its_release_to_the_applicant()
    {
        await SignedIn(OtherCaseworker);
        var (id, version) = await Approved(await LaunchProgramme(rules: Rules(voteRequired: false)), 40_000m);
        version = await PayeeConfirmed(id, version);
        version = await Act(Applicant, id, "payment-requests", new RequestPayment(version, 20_000m, Today.AddDays(10), 5_000m));
        version = await Act(Caseworker, id, "payment-requests/1/check", new CheckPaymentRequest(version));

        var mails = await MailsAbout(id);
        var waiting = Of(mails, NotificationKind.PaymentAwaitsRelease, OtherCaseworker).ShouldHaveSingleItem();
        waiting.TextBody.ShouldNotBeNull().ShouldContain("der Zahlungsantrag 1 über 20.000,00 € geprüft und wartet auf die Freigabe durch eine zweite Person");
        Of(mails, NotificationKind.PaymentAwaitsRelease, Caseworker).ShouldBeEmpty();

        version = await Act(OtherCaseworker, id, "payment-requests/1/release", new ReleasePayment(version, Today.AddDays(3)));
        Of(await MailsAbout(id), NotificationKind.PaymentReleased, Applicant).ShouldHaveSingleItem().TextBody.ShouldNotBeNull().ShouldContain("20.000,00 €");

        // Under the four-eyes threshold the checker releases alone: nobody else is asked.
        version = await Act(Applicant, id, "payment-requests", new RequestPayment(version, 5_000m, Today.AddDays(10), 6_250m));
        await Act(Caseworker, id, "payment-requests/2/check", new CheckPaymentRequest(version));
        (await MailsAbout(id)).Count(m => m.Headers["X-Fachwerk-Notification"] == nameof(NotificationKind.PaymentAwaitsRelease)).ShouldBe(1);
    }
}
