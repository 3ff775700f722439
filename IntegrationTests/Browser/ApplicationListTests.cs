using CsvHelper;
using Fachwerk.Application.Applications;
using Fachwerk.Domain.Applications;
using Fachwerk.Host.Development;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>The application list: search and filters, the CSV of the filtered list, batch actions, the keyboard.</summary>
public class ApplicationListTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private ILocator Results => Page.GetByRole(AriaRole.Table, new() { Name = "Gefundene Anträge" }).Locator("tbody tr");

    private Task SearchAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Suchen", Exact = true }).ClickAsync();

    [Fact]
    public async Task The_caseworker_searches_and_filters_the_list_and_downloads_the_filtered_list_as_csv()
    {
        var wanted = await SubmittedApplicationAsync("Kupferschmiedinnen im Harz");
        var complete = await SubmittedApplicationAsync("Kupferschmiedin gesucht");
        await CommandAsync(DemoUsers.SecondCaseworker, $"/api/applications/{complete.Id}/formal-completeness", new CompleteFormally(complete.Version));
        await SubmittedApplicationAsync("Zinngießer gesucht");
        await SignInAsync(DemoUsers.Caseworker, "/applications");
        (await Page.TitleAsync()).ShouldBe("Anträge – Fachwerk");
        await ExpectAccessibleAsync();

        await Page.GetByRole(AriaRole.Searchbox, new() { Name = "Suche" }).FillAsync("Kupferschmiedin");
        await Page.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Eingereicht – Vollständigkeitsprüfung" });
        await SearchAsync();

        await Page.GetByRole(AriaRole.Heading, new() { Name = "Gefundene Anträge: 1" }).WaitForAsync();
        var row = (await Results.AllInnerTextsAsync()).ShouldHaveSingleItem();
        row.ShouldContain(wanted.Plan.Title);
        row.ShouldContain(ApplicationNumber.Of(wanted.Id));
        row.ShouldContain("50.000,00\u00a0€");
        new Uri(Page.Url).Query.ShouldContain("status=Submitted");
        await ExpectAccessibleAsync();

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = "Als CSV herunterladen" }).ClickAsync());
        download.SuggestedFilename.ShouldMatch(@"^antraege-\d{4}-\d{2}-\d{2}\.csv$");
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        bytes[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF }, "a byte order mark, so that a spreadsheet reads the umlauts");
        using var csv = CsvReader.Create(bytes);
        csv.Read().ShouldBeTrue();
        csv.Headers.ToArray().ShouldBe(["Nr.", "Antrag", "Antragsteller", "Programm und Bündnis", "Beantragt", "Status", "Gutachten (Ø)", "Eingereicht", "Zuständig"]);
        csv.GetString("Antrag").ShouldBe(wanted.Plan.Title);
        csv.GetString("Nr.").ShouldBe(ApplicationNumber.Of(wanted.Id));
        csv.GetString("Antragsteller").ShouldBe("Haus Steinstraße e.V.");
        csv.GetString("Beantragt").ShouldBe("50000.00");
        csv.GetString("Status").ShouldBe("Eingereicht – Vollständigkeitsprüfung");
        csv.GetString("Zuständig").ShouldBeEmpty();
        csv.GetString("Gutachten (Ø)").ShouldBeEmpty();
        csv.Read().ShouldBeFalse("the file holds the filtered list, not more");

        // A submitted application has no deadline yet, so none of them is overdue.
        await Page.GetByLabel("Fristen").SelectOptionAsync(new SelectOptionValue { Label = "nur mit überfälliger Aufgabe" });
        await SearchAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Gefundene Anträge: 0" }).WaitForAsync();
        new Uri(Page.Url).Query.ShouldContain("overdue=true");
        (await Page.Locator(".table-empty").InnerTextAsync()).ShouldStartWith("Kein Antrag passt.");
    }

    [Fact]
    public async Task A_filter_the_api_refuses_is_explained_beside_it_in_German()
    {
        await SignInAsync(DemoUsers.Caseworker, "/applications");

        await Page.GetByLabel("von").First.FillAsync("500");
        await Page.GetByLabel("bis").First.FillAsync("100");
        await SearchAsync();

        var error = Page.Locator("#filter-amount-error");
        await error.WaitForAsync();
        (await error.InnerTextAsync()).ShouldBe("Der höchste Betrag darf nicht unter dem niedrigsten liegen.");
        (await Page.GetByRole(AriaRole.Alert).InnerTextAsync()).ShouldContain("Bitte korrigieren Sie die Filter");
        (await Page.GetByLabel("von").First.InputValueAsync()).ShouldBe("500");
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task A_batch_sends_each_item_on_its_own_and_shows_the_one_changed_meanwhile()
    {
        var first = await SubmittedApplicationAsync("Glasbläserinnen Lauscha A");
        var second = await SubmittedApplicationAsync("Glasbläserinnen Lauscha B");
        var third = await SubmittedApplicationAsync("Glasbläserinnen Lauscha C");
        await SignInAsync(DemoUsers.Caseworker, "/applications?q=Glasbl%C3%A4serin&sort=Title");
        foreach (var application in new[] { first, second, third })
            await Page.GetByLabel($"Auswählen: {application.Plan.Title}").CheckAsync();
        // Meanwhile a colleague asks for documents on the second one.
        await CommandAsync(DemoUsers.SecondCaseworker, $"/api/applications/{second.Id}/document-requests", new RequestDocuments(second.Version, ["Satzung"]));

        await Page.GetByRole(AriaRole.Button, new() { Name = "Ausgewählte als vollständig feststellen" }).ClickAsync();

        var result = Page.Locator("#batch-result");
        await result.WaitForAsync();
        (await result.Locator(".message__title").InnerTextAsync()).ShouldContain("Formell vollständig: 2 von 3 erledigt");
        var outcomes = await result.Locator("tbody tr").AllInnerTextsAsync();
        outcomes.Count.ShouldBe(3);
        outcomes[0].ShouldContain(first.Plan.Title);
        outcomes[0].ShouldContain("Erledigt (jetzt Version 3)");
        outcomes[1].ShouldContain("Zwischenzeitlich geändert (angezeigt Version 2, jetzt 3)");
        outcomes[2].ShouldContain("Erledigt");
        (await ApplicationAsync(first.Id)).Status.ShouldBe(ApplicationStatus.FormallyComplete);
        (await ApplicationAsync(second.Id)).Status.ShouldBe(ApplicationStatus.DocumentsRequested);
        (await ApplicationAsync(third.Id)).Status.ShouldBe(ApplicationStatus.FormallyComplete);
        // The list below shows them as they are now.
        (await Results.AllInnerTextsAsync()).Count(r => r.Contains("Formal vollständig")).ShouldBe(2);
        await ScreenshotForDocsAsync("application-list");
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task A_rule_refusal_in_a_batch_is_shown_for_its_item_in_words()
    {
        var submitted = await SubmittedApplicationAsync("Uhrmacherinnen Glashütte A");
        var complete = await SubmittedApplicationAsync("Uhrmacherinnen Glashütte B");
        await CommandAsync(DemoUsers.SecondCaseworker, $"/api/applications/{complete.Id}/formal-completeness", new CompleteFormally(complete.Version));
        await SignInAsync(DemoUsers.Caseworker, "/applications?q=Uhrmacherin&sort=Title&select=all");

        await Page.GetByLabel("Grund der Ablehnung").FillAsync("Die Förderrichtlinie deckt das Vorhaben nicht ab.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ablehnung der ausgewählten vorschlagen" }).ClickAsync();

        await Page.Locator("#batch-result").WaitForAsync();
        var outcomes = await Page.Locator("#batch-result tbody tr").AllInnerTextsAsync();
        outcomes[0].ShouldContain("Abgelehnt:");
        outcomes[0].ShouldContain("Dieser Schritt passt nicht zum aktuellen Stand des Antrags.");
        outcomes[1].ShouldContain("Erledigt");
        (await ApplicationAsync(submitted.Id)).Status.ShouldBe(ApplicationStatus.Submitted);
        (await ApplicationAsync(complete.Id)).Proposals.ShouldHaveSingleItem().Decision.ShouldBe(DecisionKind.Reject);
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task The_list_is_searched_selected_and_acted_on_with_the_keyboard_alone()
    {
        var application = await SubmittedApplicationAsync("Orgelbauerinnen Sachsen – per Tastatur");
        await SignInAsync(DemoUsers.Caseworker, "/applications");

        await TabToAsync(Page.GetByRole(AriaRole.Searchbox, new() { Name = "Suche" }));
        await Page.Keyboard.TypeAsync("Orgelbauerin");
        await Page.Keyboard.PressAsync("Enter");
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Gefundene Anträge: 1" }).WaitForAsync();
        await TabToAsync(Page.GetByLabel($"Auswählen: {application.Plan.Title}"));
        await Page.Keyboard.PressAsync("Space");
        await TabToAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Ausgewählte zuweisen" }));
        await Page.Keyboard.PressAsync("Enter");

        await Page.Locator("#batch-result").WaitForAsync();
        (await Page.Locator("#batch-result .message__title").InnerTextAsync()).ShouldContain("Zuweisen: 1 von 1 erledigt");
        (await ApplicationAsync(application.Id)).Assignment!.Assignee.ShouldBe(DemoUsers.Caseworker.Id);
    }
}
