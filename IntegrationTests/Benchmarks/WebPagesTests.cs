using System.Reflection;
using System.Text.RegularExpressions;
using Fachwerk.Benchmarks.Workload;
using Fachwerk.Host.Development;
using Microsoft.AspNetCore.Components;

namespace Fachwerk.IntegrationTests.Benchmarks;

/// <summary>The harness's web pages (5m onwards) and the forms it posts to sign in: what it measures and how it gets there.</summary>
public class WebPagesTests
{
    private static readonly PageSubjects Subjects = new(
        [Guid.Parse("00000000-0000-0000-0000-00000000a001"), Guid.Parse("00000000-0000-0000-0000-00000000a002")],
        [Guid.Parse("00000000-0000-0000-0000-00000000b001")],
        Guid.Parse("00000000-0000-0000-0000-00000000c001"),
        [Guid.Parse("00000000-0000-0000-0000-00000000d001"), Guid.Parse("00000000-0000-0000-0000-00000000d002"), Guid.Parse("00000000-0000-0000-0000-00000000d003")],
        Guid.Parse("00000000-0000-0000-0000-00000000e001"));

    [Fact]
    public void The_pages_figures_continue_after_the_api_reads_one_letter_each()
    {
        var keys = WebPages.Of(Subjects).Select(p => p.Key).ToList();

        // 5a-5l are the API's reads (Harness.Dashboards.cs, Harness.AsOf.cs); the pages follow without a gap or a repeat.
        keys.ShouldBe([.. Enumerable.Range(0, keys.Count).Select(i => $"5{(char)('m' + i)}")]);
        keys.Count.ShouldBeGreaterThanOrEqualTo(5);
    }

    [Fact]
    public void Every_page_address_is_a_route_of_the_web_ui()
    {
        var routes = typeof(Fachwerk.Web.Dashboards.DashboardsPage).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => RoutePattern(r.Template))
            .ToList();

        foreach (var page in WebPages.Of(Subjects))
        foreach (var i in Enumerable.Range(0, 4))
        {
            var path = page.Url(i).Split('?')[0];
            routes.ShouldContain(route => route.IsMatch(path), $"{page.Key} {page.Url(i)}");
        }
    }

    [Fact]
    public void Pages_go_round_the_subjects_and_the_long_streams_versions()
    {
        var pages = WebPages.Of(Subjects).ToDictionary(p => p.Key);

        pages["5m"].Url(7).ShouldBe("/dashboards");
        pages["5n"].Url(0).ShouldBe("/dashboards/programmes/00000000-0000-0000-0000-00000000a001");
        pages["5n"].Url(3).ShouldBe("/dashboards/programmes/00000000-0000-0000-0000-00000000a002");
        pages["5o"].Url(5).ShouldBe("/network-dashboards/alliances/00000000-0000-0000-0000-00000000b001");
        pages["5p"].Url(0).ShouldBe("/audit/applications/00000000-0000-0000-0000-00000000c001/as-of?version=1");
        pages["5p"].Url(LegacyHistory.LongStreamEvents - 1).ShouldEndWith($"?version={LegacyHistory.LongStreamEvents}");
        pages["5p"].Url(LegacyHistory.LongStreamEvents).ShouldEndWith("?version=1");
        pages["5q"].Url(4).ShouldBe("/audit/applications/00000000-0000-0000-0000-00000000d002/as-of");
        pages["5s"].Url(9).ShouldBe("/dashboards/pilots/00000000-0000-0000-0000-00000000e001");
    }

    [Fact]
    public void Dashboards_are_read_by_the_dashboard_reader_and_as_of_pages_by_the_auditor()
    {
        var pages = WebPages.Of(Subjects);

        pages.Where(p => p.Url(0).StartsWith("/audit/", StringComparison.Ordinal)).ShouldAllBe(p => p.Reader == DemoUsers.Auditor);
        pages.Where(p => !p.Url(0).StartsWith("/audit/", StringComparison.Ordinal)).ShouldAllBe(p => p.Reader == DemoUsers.DashboardReader);
    }

    [Fact]
    public async Task The_sign_in_pages_form_posts_its_hidden_fields_and_the_pressed_button()
    {
        const string html = """
            <main><form method="post" action="/connect/authorize">
                <input type="hidden" name="__RequestVerificationToken" value="CfDJ8&#x2B;abc" />
                <input type="hidden" name="redirect_uri" value="http://127.0.0.1:5000/signin-oidc" />
                <input name="shown" value="not hidden" />
                <button type="submit" class="choice" name="demo_user" value="dora.dashboard"><span>Dora</span></button>
                <button type="submit" class="choice" name="demo_user" value="petra.pruefung"><span>Petra</span></button>
            </form></main>
            <form action="/elsewhere"><input type="hidden" name="other" value="x" /></form>
            """;

        var form = HtmlForm.FirstOf(html).ShouldNotBeNull();

        form.Action.ShouldBe("/connect/authorize");
        form.Fields.ShouldBe(
        [
            KeyValuePair.Create("__RequestVerificationToken", "CfDJ8+abc"),
            KeyValuePair.Create("redirect_uri", "http://127.0.0.1:5000/signin-oidc"),
        ]);
        form.Buttons.Select(b => b.Value).ShouldBe(["dora.dashboard", "petra.pruefung"]);
        (await Posted(form.Press("petra.pruefung"))).ShouldBe("__RequestVerificationToken=CfDJ8%2Babc&redirect_uri=http%3A%2F%2F127.0.0.1%3A5000%2Fsignin-oidc&demo_user=petra.pruefung");
        Should.Throw<InvalidOperationException>(() => form.Press("nobody"));
    }

    [Fact]
    public async Task The_providers_form_post_answer_is_read_with_its_attributes_in_any_order()
    {
        // OpenIddict's response_mode=form_post page: the code for the UI's callback, sent by a script a browser runs.
        const string html = """
            <!doctype html><html><body>
            <form name="form" method="post" action="http://127.0.0.1:5000/signin-oidc">
            <input type="hidden" name="code" value="a&amp;b" />
            <input value='s1' name='state' type='HIDDEN' />
            <noscript>Click here to finish the authorization process: <input type="submit" /></noscript>
            </form><script>document.form.submit();</script></body></html>
            """;

        var form = HtmlForm.FirstOf(html).ShouldNotBeNull();

        form.Action.ShouldBe("http://127.0.0.1:5000/signin-oidc");
        form.Fields.ShouldBe([KeyValuePair.Create("code", "a&b"), KeyValuePair.Create("state", "s1")]);
        form.Buttons.ShouldBeEmpty();
        (await Posted(form.Content())).ShouldBe("code=a%26b&state=s1");
    }

    [Fact]
    public void A_page_without_a_form_has_none()
    {
        HtmlForm.FirstOf("<html><body><h1>Anmelden</h1></body></html>").ShouldBeNull();
    }

    private static Task<string> Posted(HttpContent content) => content.ReadAsStringAsync(TestContext.Current.CancellationToken);

    /// <summary>A Razor route template as a pattern of whole paths: parameters (with their constraints) match one segment.</summary>
    private static Regex RoutePattern(string template) =>
        new("^" + string.Join("/", template.Split('/').Select(s => s.StartsWith('{') ? "[^/]+" : Regex.Escape(s))) + "$", RegexOptions.IgnoreCase);
}
