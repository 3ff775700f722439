using Fachwerk.Application.Alliances;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Application.Organisations;
using Fachwerk.Application.Programmes;
using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Host.Development;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>The alliance reviewer's vote on the application page: member, recommendation, reasons, scores, declaration.</summary>
public class AllianceVoteTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private ILocator Outcome => Page.Locator("#cast-vote-outcome");

    [Fact]
    public async Task The_reviewer_votes_with_scores_and_the_declaration_and_the_page_shows_the_vote()
    {
        var application = await WaitingForTheVoteAsync("Pflegekräfte für Hildesheim – Votum");
        await SignInAsync(DemoUsers.AllianceReviewer, $"/applications/{application.Id}");
        await ExpectAccessibleAsync();
        // The applicant itself is not offered as the member the vote is cast for.
        (await Page.Locator("#cast-vote-member option").AllInnerTextsAsync()).ShouldNotContain("Universität Hildesheim");

        await Page.Locator("#cast-vote-member").SelectOptionAsync(new SelectOptionValue { Label = "Agentur für Arbeit Hildesheim" });
        await Page.Locator("#cast-vote-reasons").FillAsync("Deckt den Bedarf an Pflegekräften im Landkreis; Betriebe sind beteiligt.");
        await Page.GetByLabel("Regionaler Bedarf").FillAsync("9");
        await Page.GetByLabel("Nachhaltigkeit").FillAsync("7");
        await Page.Locator("#cast-vote-declaration").CheckAsync();
        await ScreenshotForDocsAsync("alliance-vote");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Votum abgeben" }).ClickAsync();

        await Page.GetByRole(AriaRole.Status).WaitForAsync();
        (await Page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldContain("Votum abgegeben");
        var vote = (await ApplicationAsync(application.Id)).AllianceVote!;
        vote.Recommends.ShouldBeTrue();
        vote.Scores.ShouldBe(new Dictionary<string, int> { ["Regionaler Bedarf"] = 9, ["Nachhaltigkeit"] = 7 }, ignoreOrder: true);
        vote.DeclaredNoConflictOfInterest.ShouldBeTrue();
        var section = await Page.Locator("section[aria-labelledby='vote-heading']").InnerTextAsync();
        section.ShouldContain("Agentur für Arbeit Hildesheim");
        section.ShouldContain("kein Interessenkonflikt");
        (await Page.GetByRole(AriaRole.Table, new() { Name = "Punkte je Kriterium" }).InnerTextAsync()).ShouldContain("Regionaler Bedarf");
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task Without_the_declaration_the_vote_is_refused_next_to_the_checkbox_and_nothing_is_recorded()
    {
        var application = await WaitingForTheVoteAsync("Pflegekräfte für Hildesheim – ohne Erklärung");
        await SignInAsync(DemoUsers.AllianceReviewer, $"/applications/{application.Id}");
        await Page.Locator("#cast-vote-reasons").FillAsync("Passt zur Strategie.");
        var events = await EventCountAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Votum abgeben" }).ClickAsync();

        await Outcome.WaitForAsync();
        (await Page.Locator("#cast-vote-declaration-error").InnerTextAsync()).ShouldContain("Erklären Sie, dass weder Sie noch die Mitgliedsorganisation");
        (await Page.Locator("#cast-vote-reasons").InputValueAsync()).ShouldBe("Passt zur Strategie.");
        (await EventCountAsync()).ShouldBe(events);
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task The_reviewer_sees_what_the_alliance_decided_earlier_beside_the_vote()
    {
        var earlier = await WaitingForTheVoteAsync("Pflegekräfte für Hildesheim – früheres Votum");
        var reviewer = Fixture.Api(DemoUsers.AllianceReviewer, alliance: earlier.Alliance.Id);
        var member = (await reviewer.GetAsync<Page<OrganisationDetails>>("/api/organisations?name=" + Uri.EscapeDataString("Agentur für Arbeit Hildesheim"),
            cancellation: TestContext.Current.CancellationToken)).Result.Items.Single();
        (await reviewer.SendAsync<CommandAccepted>(HttpMethod.Post, $"/api/applications/{earlier.Id}/alliance-vote",
            new CastAllianceVote(earlier.Version, member.Id, false, "Doppelt zu einem laufenden Projekt des Landkreises.",
                new Dictionary<string, int> { ["Regionaler Bedarf"] = 4 }, DeclaresNoConflictOfInterest: true), cancellation: TestContext.Current.CancellationToken)).Result.ShouldNotBeNull();
        var application = await WaitingForTheVoteAsync("Pflegekräfte für Hildesheim – mit Blick zurück");

        await SignInAsync(DemoUsers.AllianceReviewer, $"/applications/{application.Id}");

        var table = Page.GetByRole(AriaRole.Table, new() { Name = "Frühere Voten: Regionales Fachkräftebündnis Leine-Weser" });
        var row = table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Pflegekräfte für Hildesheim – früheres Votum" });
        var cells = await row.InnerTextAsync();
        cells.ShouldContain("Befürwortet die Förderung nicht");
        cells.ShouldContain("Doppelt zu einem laufenden Projekt des Landkreises.");
        cells.ShouldContain("Regionaler Bedarf 4");
        (await table.InnerTextAsync()).ShouldNotContain("mit Blick zurück", customMessage: "the application being voted on is not its own precedent");
        await ExpectAccessibleAsync();
    }

    /// <summary>An application of Universität Hildesheim in the Leine-Weser alliance, formally complete: the programme asks for the vote.</summary>
    private async Task<ApplicationDetails> WaitingForTheVoteAsync(string title)
    {
        var caseworker = Fixture.Api(DemoUsers.Caseworker);
        var applicant = (await caseworker.GetAsync<Page<OrganisationDetails>>("/api/organisations?name=" + Uri.EscapeDataString("Universität Hildesheim"))).Result.Items.Single();
        var programme = (await caseworker.GetAsync<Page<ProgrammeDetails>>("/api/programmes?name=" + Uri.EscapeDataString("ESF+ Regionale Fachkräftebündnisse Niedersachsen"))).Result.Items.Single();
        var alliance = (await caseworker.GetAsync<Page<AllianceSummary>>("/api/alliances?name=" + Uri.EscapeDataString("Regionales Fachkräftebündnis Leine-Weser"))).Result.Items.Single();
        var plan = new ProjectPlan(title, "Anwerbung und Anerkennung von Pflegefachkräften.", new Period(new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31)),
            50_000m, 40_000m, 10_000m, 0m, [TargetGroup.ForeignSkilledWorkers], 20);
        var api = Fixture.Api(DemoUsers.Applicant, organisation: applicant.Id);
        var drafted = (await api.SendAsync<StreamCreated>(HttpMethod.Post, "/api/applications",
            new DraftApplication(applicant.Id, programme.Id, alliance.Id, "Hildesheim", plan))).Result;
        var submitted = (await api.SendAsync<CommandAccepted>(HttpMethod.Post, $"/api/applications/{drafted.Id}/submission", new SubmitApplication(drafted.Version))).Result;
        await CommandAsync(DemoUsers.Caseworker, $"/api/applications/{drafted.Id}/formal-completeness", new CompleteFormally(submitted.Version));
        return await ApplicationAsync(drafted.Id);
    }
}
