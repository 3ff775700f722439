using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;
using JasperFx.Events;
using Marten;

namespace Fachwerk.IntegrationTests.Applications;

/// <summary>The account the grant is paid into: proposed, confirmed by a second caseworker, masked for all who do not release payments.</summary>
public class PayeeAccountTests(AppFixture fixture) : ApplicationApi(fixture)
{
    private static readonly DemoUser Carsten = DemoUsers.SecondCaseworker;
    private const string Url = "/api/applications/{0}/payee-account";

    private static string PayeeUrl(Guid application, string step = "") => string.Format(null, Url, application) + step;

    private async Task<IEvent> LastEvent(Guid application)
    {
        await using var session = Store.QuerySession();
        return (await session.Events.FetchStreamAsync(application, token: TestContext.Current.CancellationToken))[^1];
    }

    [Fact]
    public async Task The_applicant_proposes_a_caseworker_confirms_and_the_account_is_shown_in_full_to_caseworkers_only()
    {
        var application = await Submitted(await LaunchProgramme());

        var proposed = await Post<CommandAccepted>(Applicant, PayeeUrl(application),
            new ProposePayeeAccount(2, "de89 3704 0044 0532 0130 00", "cobadeffxxx", "Haus Steinstraße e.V.", "Unser Vereinskonto"));

        proposed.Version.ShouldBe(3);
        (await LastEvent(application)).Data.ShouldBe(new PayeeAccountProposed(application, 1, "DE89370400440532013000", "COBADEFFXXX",
            "Haus Steinstraße e.V.", "Unser Vereinskonto", CaseSide.Applicant, Applicant.Id, Clock.GetUtcNow()));
        var waiting = await Details(application);
        waiting.PayeeAccount.ShouldBeNull();
        waiting.ProposedPayeeAccount.ShouldBe(new PayeeAccountRecord(1, "DE89 3704 0044 0532 0130 00", false, "COBADEFFXXX", "Haus Steinstraße e.V.",
            "Unser Vereinskonto", Applicant.Id, Clock.GetUtcNow()));
        (await Get<ApplicationDetails>(Applicant, $"/api/applications/{application}")).ProposedPayeeAccount!.Iban.ShouldBe("DE89 **** **** **** **30 00");

        await Act(Caseworker, application, "payee-account/confirmation", new ConfirmPayeeAccount(3));

        (await LastEvent(application)).Data.ShouldBe(new PayeeAccountConfirmed(application, 1, Caseworker.Id, Clock.GetUtcNow()));
        var confirmed = await Details(application);
        confirmed.Status.ShouldBe(ApplicationStatus.Submitted);
        confirmed.ProposedPayeeAccount.ShouldBeNull();
        confirmed.PayeeAccount!.Iban.ShouldBe("DE89 3704 0044 0532 0130 00");
        confirmed.PayeeAccount.ConfirmedBy.ShouldBe(Caseworker.Id);
        foreach (var reader in new[] { Applicant, Approver, Reviewer, DemoUsers.Auditor })
        {
            var seen = (await Get<ApplicationDetails>(reader, $"/api/applications/{application}")).PayeeAccount!;
            seen.Iban.ShouldBe("DE89 **** **** **** **30 00", reader.Id);
            seen.IbanMasked.ShouldBeTrue();
            seen.Holder.ShouldBe("Haus Steinstraße e.V.");
        }
        (await Get<ApplicationDetails>(Carsten, $"/api/applications/{application}")).PayeeAccount!.IbanMasked.ShouldBeFalse();
        await using var session = Store.QuerySession();
        (await session.LoadAsync<ApplicationSummary>(application, TestContext.Current.CancellationToken))!.Version.ShouldBe(4);
    }

    [Fact]
    public async Task The_proposer_is_refused_the_confirmation_and_nothing_is_appended()
    {
        var application = await Submitted(await LaunchProgramme());
        await Act(Carsten, application, "payee-account", new ProposePayeeAccount(2, "DE02120300000000202051", null, "Haus Steinstraße e.V."));
        var before = await EventCount();

        var problem = await ProblemOf(await Post(Carsten, PayeeUrl(application, "/confirmation"), new ConfirmPayeeAccount(3), 409));

        problem.Type.ShouldBe("urn:fachwerk:problem:payee.four-eyes");
        (await EventCount()).ShouldBe(before);
        (await Details(application)).PayeeAccount.ShouldBeNull();
        await Act(Caseworker, application, "payee-account/confirmation", new ConfirmPayeeAccount(3));
        (await Details(application)).PayeeAccount!.ConfirmedBy.ShouldBe(Caseworker.Id);
    }

    [Fact]
    public async Task A_proposed_account_waits_in_the_inbox_of_the_caseworkers_who_may_confirm_it_not_of_its_proposer()
    {
        var programme = await LaunchProgramme();
        var application = await Submitted(programme);
        await Act(Carsten, application, "payee-account", new ProposePayeeAccount(2, "DE02120300000000202051", null, "Haus Steinstraße e.V."));

        var task = (await Inbox(Caseworker, $"?programmeId={programme}")).Items.Single(t => t.Task == WhoActsNext.PayeeAccountTask);
        (task.ApplicationId, task.WaitingFor, task.Action, task.Version, task.DueBy)
            .ShouldBe((application, Roles.Caseworker, "Confirm the proposed payee account", 3L, (DateTimeOffset?)null));
        (await Inbox(Carsten, $"?programmeId={programme}")).Items.Select(t => t.Task).ShouldBe(["application"], "Carsten proposed it; someone else confirms it");

        await Act(Caseworker, application, "payee-account/confirmation", new ConfirmPayeeAccount(3));

        (await Inbox(Caseworker, $"?programmeId={programme}")).Items.Select(t => t.Task).ShouldBe(["application"]);
    }

    [Fact]
    public async Task Malformed_account_details_answer_400_with_field_errors_and_append_nothing()
    {
        var application = await Submitted(await LaunchProgramme());
        var before = await EventCount();

        var problem = await ValidationProblemOf(await Post(Applicant, PayeeUrl(application),
            new ProposePayeeAccount(2, "DE89 3704 0044 0532 0130 01", "COBA", " "), 400));

        problem.Errors.Keys.ShouldBe(["iban", "bic", "holder"], ignoreOrder: true);
        problem.Errors["iban"].ShouldBe(["The IBAN's check digits do not match: please check it for typing errors."]);
        (await ValidationProblemOf(await Post(Applicant, PayeeUrl(application), new ProposePayeeAccount(2, "DE8937040044053201300", null, "X"), 400)))
            .Errors["iban"].ShouldBe([Iban.Explain(IbanProblem.Length)]);
        (await ValidationProblemOf(await Post(Applicant, PayeeUrl(application), new { iban = "DE89370400440532013000", holder = "X" }, 400)))
            .Errors.Keys.ShouldContain("expectedVersion");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task Auditors_and_approvers_change_nothing_and_an_applicant_only_their_own_organisations_account()
    {
        var application = await Submitted(await LaunchProgramme());
        var body = new ProposePayeeAccount(2, "DE89370400440532013000", null, "Haus Steinstraße e.V.");
        var before = await EventCount();

        await Post(DemoUsers.Auditor, PayeeUrl(application), body, 403);
        await Post(Approver, PayeeUrl(application), body, 403);
        await Post(DemoUsers.Auditor, PayeeUrl(application, "/confirmation"), new ConfirmPayeeAccount(2), 403);
        await Post(Applicant, PayeeUrl(application, "/confirmation"), new ConfirmPayeeAccount(2), 403);

        (await EventCount()).ShouldBe(before);
    }
}
