using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>
/// Runs axe-core's <c>axe.run</c> in the page itself and brings back only the violations. The rules, tags and findings are
/// those of Deque's <c>RunAxe</c>, which this replaces for speed: <c>RunAxe</c> runs each frame partially and finishes the
/// run in a second, blank page, and returns every pass as well, which took 2-4.5 s a scan on two cores against 0.3-0.6 s
/// here (the pages have no frames). With about 300 scans that was most of the browser tests' time (docs/testing.md).
/// </summary>
public static class AxeScan
{
    /// <summary>The axe-core bundled with Deque.AxeCore.Commons, so the version is the package's.</summary>
    private static readonly Lazy<string> Source = new(() => new BundledAxeScriptProvider().GetScript());

    /// <summary>WCAG 2.1 A and AA (BITV 2.0) and axe's best practices.</summary>
    public static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

    public static async Task<IReadOnlyList<AxeViolation>> ViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        // Playwright's evaluation is not subject to the page's content security policy, so axe runs as on any page.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            await page.EvaluateAsync(Source.Value);
        return await page.EvaluateAsync<AxeViolation[]>(
            """
            async tags => {
              const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'], iframes: false });
              return results.violations.map(v => ({
                id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.map(n => n.target.join(' ')) }));
            }
            """, Tags);
    }
}

/// <summary>One rule axe found broken, with where (CSS selectors of the offending elements).</summary>
public sealed class AxeViolation
{
    public string Id { get; set; } = "";

    /// <summary>minor, moderate, serious or critical.</summary>
    public string Impact { get; set; } = "";

    public string Help { get; set; } = "";

    public string[] Targets { get; set; } = [];
}
