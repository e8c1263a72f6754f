using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CoSie.Platform.BrowserTests.Infrastructure;

// The checks every page passes as it is shown now: nothing wider than the window (WCAG 1.4.10 at 320 px) and nothing
// serious or critical for axe. Each returns what it found, so that a test over many pages can report them all at once.
public static class PageChecks
{
    // Fails the test when the page is wider than its window; root names where to look for the elements that stick out.
    public static async Task AssertFitsAsync(IPage page, string root = "main")
    {
        var problems = await SidewaysScrollAsync(page, AddressOf(page), root);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    // Fails the test when axe finds anything serious or critical on the page as it is shown now.
    public static async Task AssertNothingSeriousAsync(IPage page)
    {
        var serious = await SeriousAxeViolationsAsync(page, AddressOf(page));
        Assert.True(serious.Count == 0, "Serious or critical accessibility violations:\n" + string.Join("\n", serious));
    }

    public static async Task<IReadOnlyList<string>> SidewaysScrollAsync(IPage page, string address, string root = "main")
    {
        var viewport = page.ViewportSize?.Width ?? 1280;
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        if (width <= viewport)
        {
            return [];
        }
        var wide = await page.EvaluateAsync<string[]>("""
            ([viewport, root]) => [...document.querySelectorAll(root + ' *')]
                .filter(e => !e.closest('.visually-hidden, [role=region]'))
                .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.right > viewport + 1 || r.left < -1); })
                .slice(0, 8)
                .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' ' + Math.round(e.getBoundingClientRect().width) + 'px: ' + e.textContent.trim().slice(0, 60))
            """, new object[] { viewport, root });
        return [$"{address} is {width} px wide at {viewport} px:\n  " + string.Join("\n  ", wide)];
    }

    public static async Task<IReadOnlyList<string>> SeriousAxeViolationsAsync(IPage page, string address)
    {
        // Not into frames: the digest page's mail preview is a sandboxed frame without scripts, where axe would wait
        // for an answer that never comes. The mail's own markup is checked in the digest tests.
        var result = await page.RunAxe(new AxeRunOptions { Iframes = false });
        if (result.Passes.Length == 0)
        {
            return [$"{address}: axe checked nothing"];
        }
        var width = page.ViewportSize?.Width ?? 1280;
        return result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{address} at {width} px: {v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(5).Select(n => n.Target?.ToString()))}")
            .ToList();
    }

    private static string AddressOf(IPage page) =>
        Uri.TryCreate(page.Url, UriKind.Absolute, out var uri) && uri.Scheme.StartsWith("http", StringComparison.Ordinal) ? uri.PathAndQuery : page.Url;
}
