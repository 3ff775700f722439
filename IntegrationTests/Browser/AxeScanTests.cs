using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>The accessibility gate of every browser test (<see cref="AxeScan"/>) finds what Deque's own runner finds.</summary>
public class AxeScanTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Broken =
        """
        <!doctype html><html lang="de"><head><title>Kaputt</title></head><body><main><h1>Kaputt</h1>
        <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
        <input type="text">
        <button></button>
        <p style="color:#bbb;background:#fff">Kaum zu lesen</p>
        <a href="/x"></a>
        </main></body></html>
        """;

    [Fact]
    public async Task The_scan_reports_the_same_broken_rules_as_Deques_runner()
    {
        await Page.SetContentAsync(Broken);

        var ours = (await AxeScan.ViolationsAsync(Page)).Select(v => (v.Id, v.Impact, v.Targets.Length)).OrderBy(v => v.Id).ToList();
        var theirs = (await Page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. AxeScan.Tags] } }))
            .Violations.Select(v => (v.Id, v.Impact, v.Nodes.Length)).OrderBy(v => v.Id).ToList();

        ours.Select(v => v.Id).ShouldBe(["button-name", "color-contrast", "image-alt", "label", "link-name"], ignoreOrder: true);
        ours.ShouldBe(theirs);
        ours.Where(v => v.Impact is "serious" or "critical").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Once_the_page_is_fixed_the_scan_finds_nothing()
    {
        await Page.SetContentAsync(Broken);
        (await AxeScan.ViolationsAsync(Page)).ShouldNotBeEmpty();

        await Page.SetContentAsync("""<!doctype html><html lang="de"><head><title>Heil</title></head><body><main><h1>Heil</h1><p>Gut zu lesen.</p></main></body></html>""");

        (await AxeScan.ViolationsAsync(Page)).ShouldBeEmpty();
    }
}
