using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Applications;

/// <summary>The application list: full-text search in German, the filters, the orders, and bad queries.</summary>
public class ApplicationSearchTests(AppFixture fixture) : ApplicationApi(fixture)
{
    private Task<Page<ApplicationSummary>> List(string query) => Get<Page<ApplicationSummary>>(Caseworker, "/api/applications?" + query);

    private static ProjectPlan Described(string title, string description, decimal requested = 40_000m) => Plan(requested, title: title) with { Description = description };

    [Fact]
    public async Task The_search_finds_any_german_form_of_a_word_in_title_description_applicant_and_number()
    {
        var programme = await LaunchProgramme();
        var plural = await Draft(programme, Described("Rückkehrerinnen ins Handwerk", "Beratung und Praktika in Betrieben der Region"));
        var singular = await Draft(programme, Described("Wiedereinstieg nach der Familienzeit", "Jede Rückkehrerin erhält eine Mentorin im Betrieb"));
        var gendered = await Draft(programme, Described("Netzwerk für Rückkehrer*innen", "Stammtisch und Jobbörse"));
        var other = await Draft(programme, Described("Azubi-Speed-Dating", "Schülerinnen und Schüler der Region treffen Ausbildungsbetriebe"));

        (await List("q=Rückkehrerin")).Items.Select(a => a.Id).ShouldBe([plural, singular, gendered], ignoreOrder: true);
        (await List("q=R%C3%BCckkehrerinnen")).Items.Select(a => a.Id).ShouldBe([plural, singular, gendered], ignoreOrder: true);
        (await List("q=ruckkehrerin+handwerk")).Items.ShouldHaveSingleItem().Id.ShouldBe(plural);
        (await List("q=Region+-R%C3%BCckkehrerin")).Items.ShouldHaveSingleItem().Id.ShouldBe(other);
        (await List("q=Sch%C3%BClerin")).Items.ShouldHaveSingleItem().Id.ShouldBe(other);
        (await List("q=%22Familienzeit%22+or+Speed")).Items.Select(a => a.Id).ShouldBe([singular, other], ignoreOrder: true);
        (await List("q=Steinstra%C3%9Fe")).TotalItems.ShouldBe(4);

        var number = ApplicationNumber.Of(other);
        var found = (await List("q=" + number.ToUpperInvariant())).Items.ShouldHaveSingleItem();
        found.Id.ShouldBe(other);
        found.Number.ShouldBe(number);
        (await List("q=" + other)).Items.ShouldHaveSingleItem().Id.ShouldBe(other);
        (await List("q=Schornsteinfeger")).TotalItems.ShouldBe(0);
    }

    [Fact]
    public async Task An_amended_plan_is_found_by_its_new_words()
    {
        var application = await Draft(await LaunchProgramme(), Described("Expedition Job", "Orientierung"));

        await Send(Applicant, HttpMethod.Put, $"/api/applications/{application}/plan", new AmendApplication(1, Described("Expedition Job", "Pflegekräfte")));

        (await List("q=Pflegekraft")).Items.ShouldHaveSingleItem().Id.ShouldBe(application);
        (await List("q=Orientierung")).TotalItems.ShouldBe(0);
    }

    [Fact]
    public async Task Filters_by_amount_status_programme_and_day_of_submission_in_german_time_combine_and_sort()
    {
        var programme = await LaunchProgramme();
        var otherProgramme = await LaunchProgramme();
        var small = await Submitted(programme, Plan(10_000m, title: "Klein"));
        var middle = await Submitted(programme, Plan(30_000m, title: "Mittel"));
        var large = await Draft(programme, Plan(60_000m, title: "Groß"));
        var elsewhere = await Submitted(otherProgramme, Plan(30_000m, title: "Anderes Programm"));
        // 23:30 UTC on 2 March is half past midnight on 3 March in Germany.
        Clock.Advance(new DateTimeOffset(2026, 3, 2, 23, 30, 0, TimeSpan.Zero) - Clock.GetUtcNow());
        var late = await Submitted(programme, Plan(20_000m, title: "Spät eingereicht"));

        (await List("minAmount=20000&maxAmount=30000")).Items.Select(a => a.Id).ShouldBe([late, elsewhere, middle]);
        (await List($"programmeId={programme}&status=Submitted&sort=AmountDescending")).Items.Select(a => a.Id).ShouldBe([middle, late, small]);
        (await List($"programmeId={programme}&sort=AmountAscending")).Items.Select(a => a.Id).ShouldBe([small, late, middle, large]);
        (await List($"programmeId={programme}&sort=Oldest&pageSize=2&page=2")).Items.Select(a => a.Id).ShouldBe([large, late]);
        (await List($"programmeId={programme}&sort=Title")).Items.Select(a => a.Title).ShouldBe(["Groß", "Klein", "Mittel", "Spät eingereicht"]);
        (await List("submittedFrom=2026-03-03")).Items.ShouldHaveSingleItem().Id.ShouldBe(late);
        (await List("submittedFrom=2026-03-02&submittedTo=2026-03-02")).Items.Select(a => a.Id).ShouldBe([elsewhere, middle, small]);
        (await List("submittedTo=2026-03-02&q=Programm")).Items.ShouldHaveSingleItem().Id.ShouldBe(elsewhere);
    }

    [Fact]
    public async Task The_overdue_filter_finds_the_applications_with_a_task_past_its_due_date_as_the_inbox_marks_them()
    {
        var programme = await LaunchProgramme();
        var waiting = await Submitted(programme, Plan(10_000m, title: "Ohne Frist"));
        var complete = await Submitted(programme, Plan(20_000m, title: "Entscheidung fällig"));
        await Act(Caseworker, complete, "formal-completeness", new CompleteFormally(2));
        var dueBy = (await Get<Page<ApplicationSummary>>(Caseworker, $"/api/applications?programmeId={programme}&q={complete}")).Items.ShouldHaveSingleItem().NextDueBy;

        (await List($"programmeId={programme}&overdue=true")).TotalItems.ShouldBe(0);
        (await List($"programmeId={programme}&overdue=false")).Items.Select(a => a.Id).ShouldBe([complete, waiting]);

        Clock.Advance(dueBy!.Value - Clock.GetUtcNow());

        (await List($"programmeId={programme}&overdue=true")).Items.ShouldHaveSingleItem().Id.ShouldBe(complete);
        (await List($"programmeId={programme}&overdue=false")).Items.ShouldHaveSingleItem().Id.ShouldBe(waiting);
    }

    [Theory]
    [InlineData("overdue=vielleicht", "overdue")]
    [InlineData("minAmount=30000&maxAmount=20000", "maxAmount")]
    [InlineData("minAmount=-5", "minAmount")]
    [InlineData("maxAmount=12.345", "maxAmount")]
    [InlineData("minAmount=viel", "minAmount")]
    [InlineData("submittedFrom=2026-03-05&submittedTo=2026-03-01", "submittedTo")]
    [InlineData("submittedFrom=2200-01-01", "submittedFrom")]
    [InlineData("submittedTo=gestern", "submittedTo")]
    [InlineData("sort=Sideways", "sort")]
    [InlineData("status=Vergessen", "status")]
    [InlineData("assignedTo=" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "assignedTo")]
    public async Task A_bad_filter_answers_400_naming_it(string query, string field)
    {
        var problem = await ValidationProblemOf(await Host.Scenario(s =>
        {
            Authorize(s, Caseworker);
            s.Get.Url("/api/applications?" + query);
            s.StatusCodeShouldBe(400);
        }));

        problem.Errors.Keys.ShouldContain(field);
    }

    [Fact]
    public async Task A_search_longer_than_a_name_answers_400_and_an_applicant_searches_only_their_own()
    {
        var problem = await ValidationProblemOf(await Host.Scenario(s =>
        {
            Authorize(s, Caseworker);
            s.Get.Url("/api/applications?q=" + new string('a', CommonRules.NameLength + 1));
            s.StatusCodeShouldBe(400);
        }));
        problem.Errors.Keys.ShouldBe(["q"]);

        var programme = await LaunchProgramme();
        await Draft(programme, Described("Rückkehrerinnen ins Handwerk", "Beratung"));
        (await Get<Page<ApplicationSummary>>(Applicant, "/api/applications?q=Handwerk")).TotalItems.ShouldBe(1);
        (await Get<Page<ApplicationSummary>>(Reviewer, "/api/applications?q=Handwerk")).TotalItems.ShouldBe(1);
    }
}
