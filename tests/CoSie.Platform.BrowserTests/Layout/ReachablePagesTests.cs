using System.Text.RegularExpressions;
using CoSie.Platform.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace CoSie.Platform.BrowserTests.Layout;

// Every page a person reaches by following the links the demo shows them, not only the pages a test names: each link
// opens (no 4xx or 5xx), and each page reflows at 320 px and has nothing serious for axe at 320 and at 1280 px. Pages
// are told apart by their address with ids and the institution taken out, so a thread is visited once, not once per
// thread. At 320 px every person's view of a page is checked; at 1280 px each kind of page once, as the first person
// to reach it sees it, since what differs between people (a few actions more) is checked at 320 px.
[Collection(SharedChromium.Name)]
public sealed partial class ReachablePagesTests(Chromium chromium, DemoSiteFactory app, ITestOutputHelper output)
    : BrowserTest(chromium, app), IClassFixture<DemoSiteFactory>
{
    // Enough for every kind of page a role sees in the demo, with room to grow; a crawl that stops here says so.
    private const int MostPages = 90;

    // Links that leave the person's browsing: signing out, switching language (the rest would be checked in another
    // language, which the pseudo-language test covers), single sign-on and LTI hand-offs to other servers, and files.
    // The job dashboard stays in: its pages are Hangfire's markup, with the platform's corrections (Jobs/Dashboard).
    [GeneratedRegex(@"/(logout|sign-?out|language|sso/[^/]+/(sign-?in|challenge)|lti/(login|launch|jwks)|media|export|download)\b|\.(csv|json|zip|ics|xml|png|jpe?g|svg|mp3|mp4)$", RegexOptions.IgnoreCase)]
    private static partial Regex LeavesTheCrawl();

    [GeneratedRegex(@"/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+)(?=/|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Id();

    public static TheoryData<string> People() => [DemoSiteFactory.Learner, DemoSiteFactory.Instructor, DemoSiteFactory.PlatformAdmin];

    [Theory]
    [MemberData(nameof(People))]
    public async Task Every_page_a_person_reaches_by_links_opens_reflows_at_320_pixels_and_axe_finds_nothing_serious_at_320_or_1280(string person)
    {
        var page = await OpenSignedInPageAsync(person, DemoSiteFactory.Institution, DemoSiteFactory.Password);
        await page.SetViewportSizeAsync(320, 800);
        var origin = App.ServerAddress.GetLeftPart(UriPartial.Authority);

        var start = $"/{DemoSiteFactory.Institution}/";
        var shapes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { Shape(start) };
        var queue = new Queue<(string Path, string From)>([(start, "sign-in")]);
        var visited = new List<string>();
        var problems = new List<string>();
        while (queue.Count > 0 && visited.Count < MostPages)
        {
            var (path, from) = queue.Dequeue();
            var response = await page.GotoAsync(path);
            if (response is null)
            {
                continue;
            }
            if (response.Status >= 400)
            {
                problems.Add($"{path} (linked from {from}) answered {response.Status}");
                continue;
            }
            if (!(await response.HeaderValueAsync("content-type") ?? "").StartsWith("text/html", StringComparison.Ordinal))
            {
                continue;
            }
            var address = new Uri(page.Url).PathAndQuery;
            visited.Add(address);
            if (app.PagesCheckedWide.TryAdd(Shape(new Uri(page.Url).AbsolutePath), true))
            {
                await page.SetViewportSizeAsync(1280, 900);
                problems.AddRange(await PageChecks.SeriousAxeViolationsAsync(page, address));
                await page.SetViewportSizeAsync(320, 800);
            }
            problems.AddRange(await PageChecks.SidewaysScrollAsync(page, address));
            problems.AddRange(await PageChecks.SeriousAxeViolationsAsync(page, address));

            var links = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('a[href]:not([download])')].map(a => a.href)");
            foreach (var link in links)
            {
                if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.GetLeftPart(UriPartial.Authority) != origin
                    || LeavesTheCrawl().IsMatch(uri.AbsolutePath) || !shapes.Add(Shape(uri.AbsolutePath)))
                {
                    continue;
                }
                queue.Enqueue((uri.PathAndQuery, address));
            }
        }

        output.WriteLine($"{person} reached {visited.Count} kinds of page:\n{string.Join("\n", visited)}");
        Assert.True(visited.Count >= 8, $"Only {visited.Count} pages were reached from the home page:\n{string.Join("\n", visited)}");
        Assert.True(problems.Count == 0, $"{problems.Count} problems on the {visited.Count} pages {person} reaches:\n{string.Join("\n", problems)}");
        Assert.True(queue.Count == 0, $"The crawl stopped at {MostPages} pages with {queue.Count} kinds of page left; raise {nameof(MostPages)}:\n"
            + string.Join("\n", queue.Select(q => q.Path)));
    }

    // The account pages answer both with and without the institution's prefix; either way they are one page.
    private static string Shape(string path)
    {
        var prefix = $"/{DemoSiteFactory.Institution}/";
        var local = path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? path[(prefix.Length - 1)..] : path;
        return Id().Replace(local.TrimEnd('/'), "/{id}");
    }
}
