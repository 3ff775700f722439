using Fachwerk.Application.Alliances;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Application.Organisations;
using Fachwerk.Application.Programmes;
using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Programmes;
using Fachwerk.Host.Development;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>Several reviewers on the application page (ADR 0093): the caseworker assigns, the reviewer scores, the page sums up.</summary>
public class ReviewPageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly DemoUser Rita = new("rita.rezension", "Rita Rezension (Agentur für Arbeit Hildesheim)", [Roles.AllianceReviewer]);

    [Fact]
    public async Task The_caseworker_assigns_a_reviewer_who_scores_and_the_page_shows_the_weighted_average_and_spread()
    {
        var (application, allianceId) = await SubmittedForReviewAsync("Pflegekräfte für Hildesheim – Gutachten");
        // Rita has scored already, over the API: 6 on every criterion.
        var rita = Fixture.Api(Rita, alliance: allianceId);
        var version = (await Fixture.Api(DemoUsers.Caseworker).SendAsync<CommandAccepted>(HttpMethod.Post, $"/api/applications/{application}/reviewers",
            new AssignReviewer(2, Rita.Id, "Rita Rezension"), cancellation: TestContext.Current.CancellationToken)).Result.Version;
        (await rita.SendAsync<CommandAccepted>(HttpMethod.Put, $"/api/applications/{application}/review",
            new SubmitReview(version, new Dictionary<string, int> { ["Bedarf in der Region"] = 6, ["Wirkung"] = 6, ["Kosten"] = 6 },
                "Solide.", DeclaresNoConflictOfInterest: true), cancellation: TestContext.Current.CancellationToken)).Result.ShouldNotBeNull();

        await SignInAsync(DemoUsers.Caseworker, $"/applications/{application}");
        await Page.GetByLabel("Benutzerkennung").FillAsync(DemoUsers.AllianceReviewer.Id);
        await Page.GetByLabel("Name", new() { Exact = true }).FillAsync("Bruno Bündnisbüro");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Einteilen" }).ClickAsync();
        await Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Eingeteilt." }).WaitForAsync();
        (await Page.Locator("#reviews-table").InnerTextAsync()).ShouldContain("noch nicht bewertet");
        await ExpectAccessibleAsync();

        await Page.Context.ClearCookiesAsync();
        await SignInAsync(DemoUsers.AllianceReviewer, $"/applications/{application}");
        await Page.GetByLabel("Bedarf in der Region", new() { Exact = true }).FillAsync("9");
        await Page.GetByLabel("Wirkung", new() { Exact = true }).FillAsync("7");
        await Page.GetByLabel("Kosten", new() { Exact = true }).FillAsync("8");
        await Page.GetByLabel("Anmerkung").FillAsync("Der Bedarf ist gut belegt.");
        await Page.Locator("#submit-review-declaration").CheckAsync();
        await ExpectAccessibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Gutachten abgeben" }).ClickAsync();

        await Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Gutachten abgegeben." }).WaitForAsync();
        // Bruno: 0.4 * 9 + 0.3 * 7 + 0.3 * 8 = 8.1; Rita 6; their mean 7.05, each 1.05 from it.
        var bruno = await Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Bruno Bündnisbüro" }).InnerTextAsync();
        bruno.ShouldContain("8,1");
        bruno.ShouldContain("Der Bedarf ist gut belegt.");
        var summary = await Page.Locator("#reviews-summary").InnerTextAsync();
        summary.ShouldContain("7,05 von 10 Punkten");
        summary.ShouldContain("6 bis 8,1 Punkte");
        summary.ShouldContain("1,05");
        summary.ShouldContain("2 von 2 eingeteilten Personen");
        // The form starts from the review just given, for a revision.
        (await Page.GetByLabel("Bedarf in der Region", new() { Exact = true }).InputValueAsync()).ShouldBe("9");
        await ScreenshotForDocsAsync("application-reviews");
        await ExpectAccessibleAsync();

        // The list of applications shows the same mean and spread in its column.
        await Page.GotoAsync($"/applications?q={application}");
        var table = Page.GetByRole(AriaRole.Table, new() { Name = "Gefundene Anträge" });
        await table.GetByRole(AriaRole.Columnheader, new() { Name = "Gutachten (Ø)" }).WaitForAsync();
        var row = await table.Locator("tbody tr").InnerTextAsync();
        row.ShouldContain("7,05");
        row.ShouldContain("2 Gutachten, 6 bis 8,1");
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task A_score_above_10_is_refused_next_to_the_fields_and_nothing_is_recorded()
    {
        var (application, _) = await SubmittedForReviewAsync("Pflegekräfte für Hildesheim – Gutachten zu hoch");
        await CommandAsync(DemoUsers.Caseworker, $"/api/applications/{application}/reviewers",
            new AssignReviewer(2, DemoUsers.AllianceReviewer.Id, "Bruno Bündnisbüro"));
        await SignInAsync(DemoUsers.AllianceReviewer, $"/applications/{application}");
        await Page.GetByLabel("Bedarf in der Region", new() { Exact = true }).FillAsync("9");
        await Page.GetByLabel("Wirkung", new() { Exact = true }).FillAsync("7");
        await Page.GetByLabel("Kosten", new() { Exact = true }).FillAsync("8");
        // The browser would stop a number above max; the API's refusal is what is tested here.
        await Page.GetByLabel("Kosten", new() { Exact = true }).EvaluateAsync("input => input.removeAttribute('max')");
        await Page.GetByLabel("Kosten", new() { Exact = true }).FillAsync("11");
        await Page.Locator("#submit-review-declaration").CheckAsync();
        var events = await EventCountAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Gutachten abgeben" }).ClickAsync();

        await Page.Locator("#submit-review-outcome").WaitForAsync();
        (await Page.Locator("#submit-review-outcome").InnerTextAsync()).ShouldContain("Punkte liegen zwischen 0 und 10.");
        (await EventCountAsync()).ShouldBe(events);
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task A_programme_manager_sets_the_criteria_on_the_programme_page_and_weights_that_miss_100_are_refused_at_the_field()
    {
        var caseworker = Fixture.Api(DemoUsers.Caseworker);
        var period = new Period(new DateOnly(2026, 1, 1), new DateOnly(2029, 12, 31));
        var programme = (await caseworker.SendAsync<StreamCreated>(HttpMethod.Post, "/api/programmes", new LaunchProgramme("Kriterien im Browser",
            [new FundingSource("Land Niedersachsen", 1m)], period, 500_000m, new ProgrammeRules(0.8m, null, true, 14, false, 30)),
            cancellation: TestContext.Current.CancellationToken)).Result;
        await Page.Context.ClearCookiesAsync();
        await SignInAsync(DemoUsers.Caseworker, $"/programmes/{programme.Id}");
        var section = Page.Locator("#review-criteria");
        (await section.InnerTextAsync()).ShouldContain("keine Bewertungskriterien");

        // Two criteria whose weights make 90: refused at the weight, nothing recorded.
        var events = await EventCountAsync();
        await Page.Locator("#set-review-criteria-name-0").FillAsync("Regionaler Bedarf");
        await Page.Locator("#set-review-criteria-weight-0").FillAsync("60");
        await Page.Locator("#set-review-criteria-guidance-0").FillAsync("Belegen Arbeitsmarktdaten den Bedarf?");
        await Page.Locator("#set-review-criteria-name-1").FillAsync("Wirkung");
        await Page.Locator("#set-review-criteria-weight-1").FillAsync("30");
        await ExpectAccessibleAsync();
        await section.GetByRole(AriaRole.Button, new() { Name = "Kriterien speichern" }).ClickAsync();
        await Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "100" }).WaitForAsync();
        (await EventCountAsync()).ShouldBe(events);
        (await Page.Locator("#set-review-criteria-name-0").InputValueAsync()).ShouldBe("Regionaler Bedarf", "what was typed is kept");
        await ExpectAccessibleAsync();

        // 60 and 40: saved, shown in the table, and what reviewers score on.
        await Page.Locator("#set-review-criteria-weight-1").FillAsync("40");
        await section.GetByRole(AriaRole.Button, new() { Name = "Kriterien speichern" }).ClickAsync();
        await Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Die Bewertungskriterien wurden gespeichert." }).WaitForAsync();
        var table = Page.Locator("#review-criteria table");
        (await table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Regionaler Bedarf" }).InnerTextAsync()).ShouldContain("60 %");
        (await table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Wirkung" }).InnerTextAsync()).ShouldContain("40 %");
        (await caseworker.GetAsync<ProgrammeDetails>($"/api/programmes/{programme.Id}", cancellation: TestContext.Current.CancellationToken)).Result.ReviewCriteria
            .ShouldBe([new ReviewCriterion("Regionaler Bedarf", 60, "Belegen Arbeitsmarktdaten den Bedarf?"), new ReviewCriterion("Wirkung", 40)]);
        await ScreenshotForDocsAsync("programme-review-criteria");
        await ExpectAccessibleAsync();
    }

    /// <summary>
    /// A programme of its own that scores on three weighted criteria, and an application of Universität Hildesheim in the
    /// Leine-Weser alliance (Bruno's), submitted: version 2.
    /// </summary>
    private async Task<(Guid Application, Guid Alliance)> SubmittedForReviewAsync(string title)
    {
        var caseworker = Fixture.Api(DemoUsers.Caseworker);
        var applicant = (await caseworker.GetAsync<Page<OrganisationDetails>>("/api/organisations?name=" + Uri.EscapeDataString("Universität Hildesheim"))).Result.Items.Single();
        var alliance = (await caseworker.GetAsync<Page<AllianceSummary>>("/api/alliances?name=" + Uri.EscapeDataString("Regionales Fachkräftebündnis Leine-Weser"))).Result.Items.Single();
        var period = new Period(new DateOnly(2026, 1, 1), new DateOnly(2029, 12, 31));
        var programme = (await caseworker.SendAsync<StreamCreated>(HttpMethod.Post, "/api/programmes", new LaunchProgramme("Gutachten " + title,
            [new FundingSource("Land Niedersachsen", 1m)], period, 500_000m, new ProgrammeRules(0.8m, null, true, 14, false, 30)))).Result;
        (await caseworker.SendAsync<CommandAccepted>(HttpMethod.Put, $"/api/programmes/{programme.Id}/review-criteria", new SetReviewCriteria(programme.Version,
        [
            new ReviewCriterion("Bedarf in der Region", 40, "Fehlt ein solches Angebot in der Region?"),
            new ReviewCriterion("Wirkung", 30, "Wie viele Fachkräfte gewinnt oder hält das Vorhaben?"),
            new ReviewCriterion("Kosten", 30),
        ]))).Result.ShouldNotBeNull();
        var plan = new ProjectPlan(title, "Anwerbung und Anerkennung von Pflegefachkräften.", new Period(new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31)),
            50_000m, 40_000m, 10_000m, 0m, [TargetGroup.ForeignSkilledWorkers], 20);
        var api = Fixture.Api(DemoUsers.Applicant, organisation: applicant.Id);
        var drafted = (await api.SendAsync<StreamCreated>(HttpMethod.Post, "/api/applications",
            new DraftApplication(applicant.Id, programme.Id, alliance.Id, "Hildesheim", plan))).Result;
        (await api.SendAsync<CommandAccepted>(HttpMethod.Post, $"/api/applications/{drafted.Id}/submission", new SubmitApplication(drafted.Version))).Result.ShouldNotBeNull();
        return (drafted.Id, alliance.Id);
    }
}
