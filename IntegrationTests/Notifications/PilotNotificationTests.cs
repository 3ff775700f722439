using Fachwerk.Application.Notifications;
using Fachwerk.Application.Pilots;
using Fachwerk.Domain.Pilots;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;
using Fachwerk.IntegrationTests.Pilots;
using Wolverine.Tracking;

namespace Fachwerk.IntegrationTests.Notifications;

/// <summary>The project leads of a pilot are told, once, when its phase is over and the continuation is to be evaluated.</summary>
public class PilotNotificationTests : PilotApi
{
    private readonly TestSmtpServer _smtp;

    public PilotNotificationTests(AppFixture fixture) : base(fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        _smtp = fixture.Smtp;
    }

    [Fact]
    public async Task The_project_lead_is_told_once_that_the_continuation_evaluation_is_due()
    {
        var received = _smtp.Received.Count;
        var phase = RunningPhase;
        var pilot = (await Launch(phase)).Id;
        // A later request of the lead shows the pilot she leads since the launch.
        await Get<PilotDetails>(Lead, $"/api/pilots/{pilot}");

        Clock.Advance(PilotDecider.EvaluationDueAt(phase) - Clock.GetUtcNow());
        await Host.InvokeMessageAndWaitAsync(new EvaluatePilotPhase(pilot));
        await Host.InvokeMessageAndWaitAsync(new EvaluatePilotPhase(pilot));
        await CatchUpProjections();
        (await MailWaits.SettledAsync(Store, n => n.PilotId == pilot)).ShouldHaveSingleItem().Recipient.ShouldBe(Lead.Id);

        var mail = _smtp.Received.Skip(received).Where(m => m.Headers["X-Fachwerk-Pilot"] == pilot.ToString()).ShouldHaveSingleItem();
        mail.To.Mailboxes.Single().Address.ShouldBe(DemoUsers.ProjectLead.Email);
        mail.Headers["X-Fachwerk-Notification"].ShouldBe(nameof(NotificationKind.PilotEvaluationDue));
        mail.Subject.ShouldBe("Auswertung der Pilotphase fällig: Relocation Service Magdeburg");
        mail.TextBody.ShouldNotBeNull().ShouldContain($"ist am {phase.To:dd.MM.yyyy} zu Ende gegangen");
        mail.TextBody.ShouldNotBeNull().ShouldContain("über die Fortsetzung zu entscheiden");
    }
}
