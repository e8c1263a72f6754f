using System.Text;

namespace CoSie.Platform.Bench;

// thread_page (the 1,000-reply thread as opened), thread_view_20 (its second page of 20 posts as the fragment the
// page loads on demand), static_limit (the bytes of the page as opened, served as a static file by the same app)
// and discussion_list, each at the same connection counts, one after the other.
public sealed class HttpScenarios(string repository, AppProcess app, BenchData data, BenchSettings settings, string webRoot, Quiet quiet)
{
    public const string FragmentQuery = "?handler=Page&page=2";

    public async Task<HttpReport> RunAsync(Session member)
    {
        var threadUrl = data.ThreadUrl(1000);
        var (page, pageHtml) = await ProbeAsync(member, threadUrl);
        var (fragment, _) = await ProbeAsync(member, threadUrl + FragmentQuery);
        // Under "_bench": a first segment that no institution slug can take, so the request stays a platform path.
        Directory.CreateDirectory(Path.Combine(webRoot, "_bench"));
        await File.WriteAllTextAsync(Path.Combine(webRoot, "_bench/thread.html"), pageHtml);
        var staticUrl = "/_bench/thread.html";
        var (staticView, _) = await ProbeAsync(null, staticUrl);

        var wrk = new Wrk(repository, TimeSpan.FromSeconds(settings.Duration), settings.Repeats);
        var rows = new List<Row>();
        async Task<Row> MeasureAsync(string scenario, int connections, string url, Func<Task<string>>? cookie, string note)
        {
            var load = await quiet.WaitAsync($"{scenario} at {connections}");
            return new Row(scenario, connections, await wrk.RunAsync(new Uri(app.BaseAddress, url), connections, cookie), note, load);
        }
        foreach (var connections in settings.ConnectionSteps)
        {
            rows.Add(await MeasureAsync("thread_page", connections, threadUrl, () => member.FreshCookieHeaderAsync(threadUrl), $"{page.Posts} posts as opened"));
            if (HttpReport.IsTwentyPostView(fragment))
            {
                rows.Add(await MeasureAsync("thread_view_20", connections, fragment.Url, () => member.FreshCookieHeaderAsync(threadUrl), $"{fragment.Posts} posts, fragment"));
            }
            rows.Add(await MeasureAsync("static_limit", connections, staticUrl, null, "same bytes, static"));
            rows.Add(await MeasureAsync("discussion_list", connections, data.ListUrl, () => member.FreshCookieHeaderAsync(data.ListUrl), $"{settings.ListSize} reflections"));
        }
        return new HttpReport(rows, page, fragment, staticView);
    }

    private async Task<(View View, string Html)> ProbeAsync(Session? member, string url)
    {
        using var client = member is null ? new HttpClient { BaseAddress = app.BaseAddress } : null;
        using var response = member is null ? await client!.GetAsync(url) : await member.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        var posts = html.Split("<article class=\"post").Length - 1;
        return (new View(url, (int)response.StatusCode, posts, Encoding.UTF8.GetByteCount(html), response.Content.Headers.ContentType?.MediaType), html);
    }
}

// Load: the machine's 1-minute load average when the scenario started (Quiet).
public sealed record Row(string Scenario, int Connections, LoadResult Result, string Note, LoadAtStart? Load = null);

// What one GET of a view answered: its status, the posts it holds and its size.
public sealed record View(string Url, int Status, int Posts, long Bytes, string? ContentType);

// PeakRssMb: the app's peak resident memory while wrk ran.
public sealed record HttpReport(IReadOnlyList<Row> Rows, View Page, View Fragment, View Static, double PeakRssMb = 0)
{
    // Before paged threads, the fragment url answers 404, or the whole thread: neither is a view of 20 posts.
    public bool HasTwentyPostView => IsTwentyPostView(Fragment);

    public static bool IsTwentyPostView(View view) => view.Status == 200 && view.Posts is > 0 and <= 25;
}
