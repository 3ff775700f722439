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

/// <summary>
/// An external expert in the browser (ADR 0093): the caseworker picks her from the directory on the application page (ADR 0130); she signs in, lands
/// on "Meine Gutachten", sees only her assignments, opens one and scores it, seeing no one else's scores.
/// </summary>
public class ExternalExpertPageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly DemoUser Erika = DemoUsers.ExternalExpert;

    [Fact]
    public async Task The_caseworker_assigns_an_external_expert_who_lands_on_her_reviews_and_scores_without_seeing_the_others()
    {
        var title = "Fachkräfte für Holzminden – externes Gutachten";
        var (application, programme) = await SubmittedForReviewAsync(title);
        // Bruno, the alliance's reviewer, has scored already: his 9s must stay hidden from her.
        var version = (await CommandAsync(DemoUsers.Caseworker, $"/api/applications/{application}/reviewers",
            new AssignReviewer(2, DemoUsers.AllianceReviewer.Id, "Bruno Bündnisbüro"))).Version;
        var alliance = (await ApplicationAsync(application)).Alliance.Id;
        (await Fixture.Api(DemoUsers.AllianceReviewer, alliance: alliance).SendAsync<CommandAccepted>(HttpMethod.Put, $"/api/applications/{application}/review",
            new SubmitReview(version, new Dictionary<string, int> { ["Wirkung"] = 9, ["Kosten"] = 9 }, "Sehr gut.", DeclaresNoConflictOfInterest: true),
            cancellation: TestContext.Current.CancellationToken)).Result.ShouldNotBeNull();

        // The programme page says experts are allowed; the caseworker marks Erika as external on the case page.
        await SignInAsync(DemoUsers.Caseworker, $"/programmes/{programme}");
        (await Page.Locator("#external-experts").InnerTextAsync()).ShouldContain("Externe Gutachterinnen und Gutachter sind zugelassen");
        await ExpectAccessibleAsync();
        await Page.GotoAsync($"/applications/{application}");
        // She is picked from the directory (ADR 0130): the choice names her, her university and her fields.
        var choice = Page.GetByLabel("Gutachter/in", new() { Exact = true });
        (await choice.InnerTextAsync()).ShouldContain("Prof. Dr. Erika Expertin – Hochschule Hannover");
        await choice.SelectOptionAsync(Erika.Id);
        await ScreenshotForDocsAsync("application-assign-expert");
        await ExpectAccessibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Gutachter/in einteilen" }).ClickAsync();
        await Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Eingeteilt." }).WaitForAsync();
        var erikaRow = await Page.Locator("#reviews-table").GetByRole(AriaRole.Row).Filter(new() { HasText = "Erika Expertin" }).InnerTextAsync();
        erikaRow.ShouldContain("extern");
        erikaRow.ShouldContain("noch nicht bewertet");
        // The case's history names the step as an external expert's assignment.
        (await Page.Locator("#history").InnerTextAsync()).ShouldContain("Begutachtung zugewiesen (extern)");
        await ExpectAccessibleAsync();

        // Erika's start is her list: this application and the demo's one, nothing else of the alliance's applications.
        await Page.Context.ClearCookiesAsync();
        await SignInAsync(Erika, "/reviews");
        var list = Page.Locator("#assignments-table");
        (await list.InnerTextAsync()).ShouldContain(title);
        (await list.InnerTextAsync()).ShouldContain("IT-Fachkräfte für KMU im Weserbergland");
        (await list.InnerTextAsync()).ShouldNotContain("Azubi-Speed-Dating Nienburg");
        (await Page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).InnerTextAsync()).ShouldNotContain("Anträge");
        await ScreenshotForDocsAsync("external-expert-assignments");
        await ExpectAccessibleAsync();

        await list.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 }).WaitForAsync();
        var reviews = Page.Locator("#reviews-table");
        (await reviews.InnerTextAsync()).ShouldNotContain("Bruno Bündnisbüro", Case.Sensitive, "she sees her own review only");
        await Page.GetByLabel("Wirkung", new() { Exact = true }).FillAsync("6");
        await Page.GetByLabel("Kosten", new() { Exact = true }).FillAsync("4");
        await Page.GetByLabel("Anmerkung").FillAsync("Tragfähig, aber teuer.");
        await Page.Locator("#submit-review-declaration").CheckAsync();
        await ExpectAccessibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Gutachten abgeben" }).ClickAsync();

        await Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Gutachten abgegeben." }).WaitForAsync();
        // 0.6 * 6 + 0.4 * 4 = 5.2: her average is the only one she sees.
        (await Page.Locator("#reviews-summary").InnerTextAsync()).ShouldContain("5,2 von 10 Punkten");
        (await Page.Locator("#reviews-table").InnerTextAsync()).ShouldNotContain("Bruno Bündnisbüro");
        await ScreenshotForDocsAsync("external-expert-review");
        await ExpectAccessibleAsync();

        // The desk sends her to her list; other applications answer that she may not read them.
        await Page.GotoAsync("/");
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/reviews");
        (await Page.Locator("#assignments-table").GetByRole(AriaRole.Row).Filter(new() { HasText = title }).InnerTextAsync()).ShouldContain("Bewertet am");
        await ExpectAccessibleAsync();

        // Staff see both reviews, hers marked external.
        var all = (await Fixture.Api(DemoUsers.Caseworker).GetAsync<ApplicationReviews>($"/api/applications/{application}/reviews",
            cancellation: TestContext.Current.CancellationToken)).Result;
        all.Reviewers.Select(r => (r.Name, r.External, r.WeightedAverage)).ShouldBe([("Bruno Bündnisbüro", false, 9m), ("Prof. Dr. Erika Expertin", true, 5.2m)]);
    }

    /// <summary>A programme of its own that scores on two criteria and allows external experts, and a Leine-Weser application of it, submitted (version 2).</summary>
    private async Task<(Guid Application, Guid Programme)> SubmittedForReviewAsync(string title)
    {
        var caseworker = Fixture.Api(DemoUsers.Caseworker);
        var applicant = (await caseworker.GetAsync<Page<OrganisationDetails>>("/api/organisations?name=" + Uri.EscapeDataString("Universität Hildesheim"))).Result.Items.Single();
        var alliance = (await caseworker.GetAsync<Page<AllianceSummary>>("/api/alliances?name=" + Uri.EscapeDataString("Regionales Fachkräftebündnis Leine-Weser"))).Result.Items.Single();
        var period = new Period(new DateOnly(2026, 1, 1), new DateOnly(2029, 12, 31));
        var programme = (await caseworker.SendAsync<StreamCreated>(HttpMethod.Post, "/api/programmes", new LaunchProgramme("Gutachten " + title,
            [new FundingSource("Land Niedersachsen", 1m)], period, 500_000m, new ProgrammeRules(0.8m, null, true, 14, false, 30)))).Result;
        (await caseworker.SendAsync<CommandAccepted>(HttpMethod.Put, $"/api/programmes/{programme.Id}/review-criteria", new SetReviewCriteria(programme.Version,
            [new ReviewCriterion("Wirkung", 60, "Wie viele Fachkräfte gewinnt oder hält das Vorhaben?"), new ReviewCriterion("Kosten", 40)],
            AllowsExternalExperts: true))).Result.ShouldNotBeNull();
        var plan = new ProjectPlan(title, "Fachkräftegewinnung im Landkreis Holzminden.", new Period(new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31)),
            50_000m, 40_000m, 10_000m, 0m, [TargetGroup.ForeignSkilledWorkers], 20);
        var api = Fixture.Api(DemoUsers.Applicant, organisation: applicant.Id);
        var drafted = (await api.SendAsync<StreamCreated>(HttpMethod.Post, "/api/applications",
            new DraftApplication(applicant.Id, programme.Id, alliance.Id, "Holzminden", plan))).Result;
        (await api.SendAsync<CommandAccepted>(HttpMethod.Post, $"/api/applications/{drafted.Id}/submission", new SubmitApplication(drafted.Version))).Result.ShouldNotBeNull();
        return (drafted.Id, programme.Id);
    }
}
