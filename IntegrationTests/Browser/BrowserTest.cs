using Fachwerk.Application.Common;
using Fachwerk.Application.Organisations;
using Fachwerk.Application.Programmes;
using Fachwerk.Application.Alliances;
using Fachwerk.Application.Applications;
using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Host.Development;
using Marten;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>A test in its own browser context (cookies, storage) against the shared host and browser.</summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserFixture fixture) : IAsyncLifetime
{
    private IBrowserContext? _context;
    private IPage? _page;

    protected BrowserFixture Fixture => fixture;

    protected IPage Page => _page ?? throw new InvalidOperationException("No page yet.");

    protected virtual BrowserNewContextOptions ContextOptions => new()
    {
        BaseURL = fixture.Address.ToString(),
        Locale = "de-DE",
        TimezoneId = "Europe/Berlin",
        ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
    };

    /// <summary>What the browser complained about: script errors and refusals of the content security policy.</summary>
    private readonly List<string> _consoleErrors = [];

    public async ValueTask InitializeAsync()
    {
        _context = await fixture.Browser.NewContextAsync(ContextOptions);
        // Generous: CI machines have two cores shared by the API tests running beside these, and a sign-in there once took more than
        // 30 s; a page waited for in vain still fails the test, only later.
        _context.SetDefaultTimeout(60_000);
        _page = await _context.NewPageAsync();
        _page.Console += (_, message) =>
        {
            // A page answered 404 on purpose is logged as a failed resource; anything else is a fault of the page.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
                _consoleErrors.Add(message.Text);
        };
        _page.PageError += (_, error) => _consoleErrors.Add(error);
    }

    public async ValueTask DisposeAsync()
    {
        if (_context is not null) await _context.CloseAsync();
    }

    private const float SignInTimeout = 180_000;

    /// <summary>
    /// Opens <paramref name="path"/> signed in as <paramref name="user"/>. The first time in the run, and whenever that session has
    /// run out since (a test moved the clock), the browser is sent to the development provider's sign-in page, picks the demo user
    /// and comes back, as a person does; otherwise it brings the session cookie of <paramref name="user"/>'s last sign-in, as a
    /// browser that signed in before does (<see cref="BrowserFixture.Sessions"/>). Tests of the sign-in itself drive the page.
    /// </summary>
    protected async Task SignInAsync(DemoUser user, string path = "/")
    {
        ArgumentNullException.ThrowIfNull(user);
        if (fixture.Sessions.TryGetValue(user.Id, out var session))
        {
            await Page.Context.AddCookiesAsync(session);
            await Page.GotoAsync(path);
            if (new Uri(Page.Url).PathAndQuery == path) return;
        }
        else await Page.GotoAsync(path);

        await Page.GetByRole(AriaRole.Heading, new() { Name = "Bei Fachwerk anmelden" }).WaitForAsync();
        // The sign-in runs the whole OpenID Connect round trip and the first page; on two cores shared with the API tests a CI run
        // met one taking more than the default 60 s, so it alone gets longer.
        await Page.Locator($"button[value='{user.Id}']").ClickAsync(new() { Timeout = SignInTimeout });
        await Page.WaitForURLAsync(url => (new Uri(url).PathAndQuery == path && !url.Contains("/connect/", StringComparison.Ordinal)) || IsFailedSignIn(url),
            new() { Timeout = SignInTimeout });
        // A sign-in the server refused fails now, with the server's reason, instead of waiting for a page that never comes.
        if (IsFailedSignIn(Page.Url))
            throw new InvalidOperationException($"Signing in as {user.Id} failed; the host logged:\n{string.Join("\n", fixture.Log.Entries.TakeLast(20))}");
        // Only the session (its cookie may come in chunks): the language and the antiforgery cookies stay the test's own.
        fixture.Sessions[user.Id] = [.. (await Page.Context.CookiesAsync()).Where(c => c.Name.StartsWith(BrowserFixture.SessionCookie, StringComparison.Ordinal))
            .Select(c => new Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, Expires = c.Expires, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite })];
    }

    private static bool IsFailedSignIn(string url) => url.Contains("/account/signed-out?failed=true", StringComparison.Ordinal);

    /// <summary>axe-core finds nothing serious or critical on the page as it is now, and the browser reported no error so far.</summary>
    protected async Task ExpectAccessibleAsync()
    {
        _consoleErrors.ShouldBeEmpty($"the browser reported errors up to {Page.Url}");
        var serious = (await AxeScan.ViolationsAsync(Page)).Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Targets)}")
            .ToList();
        serious.ShouldBeEmpty($"axe found on {Page.Url}:\n{string.Join("\n", serious)}");
    }

    /// <summary>Posts a form the page did not offer (the <c>_handler</c> among <paramref name="fields"/>), with the page's own antiforgery token.</summary>
    protected async Task PostForgedFormAsync(IReadOnlyDictionary<string, string> fields)
    {
        var token = await Page.Locator("input[name='__RequestVerificationToken']").First.GetAttributeAsync("value");
        await Page.EvaluateAsync(@"fields => {
            const form = document.createElement('form');
            form.method = 'post';
            form.action = location.pathname;
            for (const [name, value] of Object.entries(fields)) {
                const input = document.createElement('input');
                input.type = 'hidden'; input.name = name; input.value = value;
                form.appendChild(input);
            }
            document.body.appendChild(form);
            form.submit();
        }", new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token! });
    }

    protected async Task<long> EventCountAsync()
    {
        await using var session = fixture.Store.QuerySession();
        return await session.Events.QueryAllRawEvents().LongCountAsync();
    }

    /// <summary>A new application of Haus Steinstraße e.V., submitted: waiting for the caseworker's completeness check.</summary>
    protected async Task<ApplicationDetails> SubmittedApplicationAsync(string title)
    {
        var registrar = fixture.Api(DemoUsers.Caseworker);
        var applicant = (await registrar.GetAsync<Page<OrganisationDetails>>("/api/organisations?name=" + Uri.EscapeDataString("Haus Steinstraße e.V."))).Result.Items.Single();
        var programme = (await registrar.GetAsync<Page<ProgrammeDetails>>("/api/programmes?name=" + Uri.EscapeDataString("Regionaler Arbeitsmarktkreis Mansfeld-Südharz"))).Result.Items.Single();
        var alliance = (await registrar.GetAsync<Page<AllianceSummary>>("/api/alliances?name=" + Uri.EscapeDataString("Fachkräfteallianz Sachsen-Anhalt Süd"))).Result.Items.Single();

        var api = fixture.Api(DemoUsers.Applicant, organisation: applicant.Id);
        var plan = new ProjectPlan(title, "Orientierungstage im Handwerk für Jugendliche.", new Period(new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31)),
            62_500m, 50_000m, 12_500m, 0m, [TargetGroup.YoungPeople], 48);
        var drafted = (await api.SendAsync<StreamCreated>(HttpMethod.Post, "/api/applications",
            new DraftApplication(applicant.Id, programme.Id, alliance.Id, "Halle (Saale)", plan))).Result;
        (await api.SendAsync<CommandAccepted>(HttpMethod.Post, $"/api/applications/{drafted.Id}/submission", new SubmitApplication(drafted.Version))).Result.ShouldNotBeNull();
        return await ApplicationAsync(drafted.Id);
    }

    /// <summary>A new application (<see cref="SubmittedApplicationAsync"/>) the caseworker found formally complete: ready for a proposal.</summary>
    protected async Task<ApplicationDetails> FormallyCompleteAsync(string title)
    {
        var submitted = await SubmittedApplicationAsync(title);
        await CommandAsync(DemoUsers.Caseworker, $"/api/applications/{submitted.Id}/formal-completeness", new CompleteFormally(submitted.Version));
        return await ApplicationAsync(submitted.Id);
    }

    /// <summary>
    /// The application (submitted or formally complete) proposed for approval of <paramref name="amount"/> by <paramref name="caseworker"/>,
    /// with the interim proofs of use the decision asks for (none: the programme's yearly ones).
    /// </summary>
    protected async Task<CommandAccepted> ProposedAsync(ApplicationDetails application, DemoUser caseworker, decimal amount, IReadOnlyList<DateOnly>? interimProofs = null)
    {
        var current = await ApplicationAsync(application.Id);
        if (current.Status == ApplicationStatus.Submitted)
            current = await ApplicationAsync((await CommandAsync(DemoUsers.Caseworker, $"/api/applications/{application.Id}/formal-completeness",
                new CompleteFormally(current.Version))).Id);
        return await CommandAsync(caseworker, $"/api/applications/{application.Id}/decision-proposal",
            new ProposeDecision(current.Version, DecisionKind.Approve, amount, InterimProofDueDates: interimProofs));
    }

    /// <summary>Approved through the API, after the budget workflow has committed the money.</summary>
    protected async Task<ApplicationDetails> ApprovedAsync(string title, IReadOnlyList<DateOnly>? interimProofs = null)
    {
        var application = await SubmittedApplicationAsync(title);
        var proposed = await ProposedAsync(application, DemoUsers.Caseworker, application.Plan.RequestedAmount, interimProofs);
        await Fixture.WaitForMessagesAsync(() =>
            CommandAsync(DemoUsers.Approver, $"/api/applications/{application.Id}/decision-confirmation", new ConfirmDecision(proposed.Version)));
        var approved = await ApplicationAsync(application.Id);
        approved.Status.ShouldBe(ApplicationStatus.Approved);
        return approved;
    }

    /// <summary>The applicant's account proposed and confirmed by the caseworker: payments can be released into it (ADR 0084).</summary>
    protected async Task<ApplicationDetails> PayeeConfirmedAsync(ApplicationDetails application)
    {
        var proposed = await CommandAsync(DemoUsers.Applicant, $"/api/applications/{application.Id}/payee-account",
            new ProposePayeeAccount(application.Version, "DE02120300000000202051", "BYLADEM1001", "Haus Steinstraße e.V."), application.Applicant.Id);
        await CommandAsync(DemoUsers.Caseworker, $"/api/applications/{application.Id}/payee-account/confirmation", new ConfirmPayeeAccount(proposed.Version));
        return await ApplicationAsync(application.Id);
    }

    /// <summary>The page confirms the form's step.</summary>
    protected async Task DoneAsync(string text)
    {
        await Page.Locator("#result", new() { HasText = text }).WaitForAsync();
        // The updated page puts the focus on its confirmation, so the keyboard goes on from there.
        await Page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.id === 'result'");
    }

    /// <summary>A command through the API as <paramref name="user"/> (acting for <paramref name="organisation"/>), expected to succeed.</summary>
    protected async Task<CommandAccepted> CommandAsync(DemoUser user, string url, object command, Guid? organisation = null) =>
        (await fixture.Api(user, organisation).SendAsync<CommandAccepted>(HttpMethod.Post, url, command, cancellation: TestContext.Current.CancellationToken)).Result;

    protected async Task<ApplicationDetails> ApplicationAsync(Guid id) =>
        (await fixture.Api(DemoUsers.Caseworker).GetAsync<ApplicationDetails>($"/api/applications/{id}")).Result;

    /// <summary>Presses Tab until <paramref name="target"/> has the focus, checking on the way that every focused element shows it.</summary>
    protected async Task TabToAsync(ILocator target, string key = "Tab")
    {
        for (var presses = 0; presses < 200; presses++)
        {
            await Page.Keyboard.PressAsync(key);
            (await Page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle")).ShouldNotBe("none",
                $"the focus on {await Focused()} is not visible");
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement")) return;
        }

        throw new ShouldAssertException($"Tab never reached {target}.");
    }

    protected Task<string> Focused() =>
        Page.EvaluateAsync<string>("() => (document.activeElement.innerText || document.activeElement.getAttribute('aria-label') || document.activeElement.id || '').trim()");

    /// <summary>
    /// Saves the whole page at 1280 px as <c>{name}.png</c> in the folder named by FACHWERK_SCREENSHOTS (docs/screenshots to
    /// refresh the docs' pictures); nothing when it is not set.
    /// </summary>
    protected async Task ScreenshotForDocsAsync(string name)
    {
        if (Environment.GetEnvironmentVariable("FACHWERK_SCREENSHOTS") is not { Length: > 0 } folder) return;
        await Page.SetViewportSizeAsync(1280, 900);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
