using System.Net;
using AngleSharp.Html.Dom;
using CoSie.Platform.IntegrationTests.Cohorts;
using CoSie.Platform.IntegrationTests.Discussions;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Features.Discussions;
using CoSie.Platform.Web.Features.Discussions.Live;
using Microsoft.AspNetCore.SignalR.Client;

namespace CoSie.Platform.IntegrationTests.Security;

// A body larger than an endpoint accepts is refused whole, with 413 and a page that says so, before anything reads it:
// every POST the app maps, sent by someone allowed to use it (so that the refusal is the size, not the person).
public sealed class OversizeBodyTests(SecurityFactory factory) : IClassFixture<SecurityFactory>
{
    [Fact]
    public async Task Every_form_and_upload_answers_an_oversize_body_with_413_and_changes_nothing()
    {
        var posts = (await MappedEndpoints.ListAsync(factory)).Where(e => e.Method == "POST").ToList();
        var clients = new Dictionary<Actor, HttpClient>();
        var before = await factory.FingerprintAsync();

        var failures = new List<string>();
        foreach (var endpoint in posts)
        {
            Assert.True(endpoint.BodyLimit is > 0, $"{endpoint.Key} accepts bodies of any size");
            var actor = AllowedActor(endpoint.Key);
            if (!clients.TryGetValue(actor, out var client))
            {
                client = clients[actor] = await factory.ClientAsAsync(actor);
            }
            var form = await client.AnyFormAsync(actor == Actor.Anonymous ? "/Account/Login" : "/Account/Manage");
            form.Action = endpoint.Url;
            using var response = await client.PostFormAsync(endpoint.Url, form, new Dictionary<string, string>
            {
                ["Input.Body"] = new string('x', (int)endpoint.BodyLimit!.Value + 1),
            });
            var page = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.RequestEntityTooLarge || !page.Contains("<h1>Too large</h1>", StringComparison.Ordinal))
            {
                failures.Add($"  {endpoint.Key} as {actor}: {(int)response.StatusCode} {Forms.Excerpt(page)}");
            }
        }
        var after = await factory.FingerprintAsync();

        Assert.True(failures.Count == 0, $"Oversize bodies not refused with 413 and the status page:\n{string.Join("\n", failures)}");
        Assert.Equal(before, after);
    }

    // Each shape in turn, to every POST, as someone allowed to use it: the refusal is the body's, with its status page,
    // nothing changes, and the next request is served as usual.
    [Fact]
    public async Task Every_post_answers_every_malformed_body_with_413_or_400_and_keeps_serving()
    {
        var posts = (await MappedEndpoints.ListAsync(factory)).Where(e => e.Method == "POST").ToList();
        var clients = new Dictionary<Actor, (HttpClient Client, List<KeyValuePair<string, string>> Fields, string Page)>();
        var before = await factory.FingerprintAsync();

        var failures = new List<string>();
        foreach (var endpoint in posts)
        {
            var actor = AllowedActor(endpoint.Key);
            if (!clients.TryGetValue(actor, out var person))
            {
                var client = await factory.ClientAsAsync(actor);
                var page = actor == Actor.Anonymous ? "/Account/Login" : "/Account/Manage";
                var form = await client.AnyFormAsync(page);
                var hidden = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name));
                person = clients[actor] = (client, [.. hidden.Select(i => BodyShapes.Field(i.Name!, i.Value))], page);
            }
            foreach (var shape in BodyShapes.All)
            {
                var body = shape.Make(person.Fields, endpoint.BodyLimit!.Value);
                // A hub turns a visitor away (401) before it reads a byte; only a declared length is refused before that.
                var refusedUnread = shape.Expected == HttpStatusCode.RequestEntityTooLarge && !body.Chunked;
                var expected = AccessMatrix.Expected[endpoint.Key].Split(' ')[(int)actor] == "401" && !refusedUnread
                    ? HttpStatusCode.Unauthorized
                    : shape.Expected;
                using var content = BodyShapes.Content(body);
                using var response = await person.Client.PostAsync(endpoint.Url, content);
                var html = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != expected || (expected != HttpStatusCode.Unauthorized && !html.Contains(shape.Heading, StringComparison.Ordinal)))
                {
                    failures.Add($"  {endpoint.Key} as {actor}, {shape.Name}: {(int)response.StatusCode} {Forms.Excerpt(html)}");
                }
                using var next = await person.Client.GetAsync(person.Page);
                if (next.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"  after {endpoint.Key}, {shape.Name}: {person.Page} answered {(int)next.StatusCode}");
                }
            }
        }
        var after = await factory.FingerprintAsync();

        Assert.True(failures.Count == 0, $"Malformed bodies not refused with 413 or 400 and the status page:\n{string.Join("\n", failures)}");
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task A_body_just_under_the_limit_is_read_as_usual()
    {
        using var client = await factory.CreateClientAsAsync(factory.People[Actor.LearnerA]);
        var url = $"/{factory.A.Slug}/cohorts/{factory.CohortA.Id}/reflections/{factory.ReflectionA}";
        var form = await client.AnyFormAsync(url);

        // Far above the 10,000-character post limit, far below the request limit: the page's own message, not a 413.
        using var response = await client.PostFormAsync(url + "?handler=Reply", form, new Dictionary<string, string> { ["Input.Body"] = new string('x', 200_000) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("10,000", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_live_message_over_the_hubs_limit_ends_the_connection()
    {
        await using var live = await LiveClient.ConnectAsync(factory, factory.People[Actor.LearnerA]);
        Assert.True((await live.JoinAsync(factory.A.Slug, factory.ReflectionA)).Joined);

        var oversize = new string('x', DiscussionsServiceCollectionExtensions.MaxHubMessageBytes + 1);
        var call = live.Connection.InvokeAsync<JoinResult>("JoinThread", oversize, factory.ReflectionA, 0L);

        Assert.True(await live.ReceivesAsync("Closed"), "The connection stayed open after an oversize message.");
        await Assert.ThrowsAnyAsync<Exception>(() => call);
        Assert.Equal(HubConnectionState.Disconnected, live.Connection.State);
    }

    // Someone whose POST the matrix declares allowed, else someone it reaches (not sent to sign in), else a visitor.
    private static Actor AllowedActor(string key)
    {
        var tokens = AccessMatrix.Expected[key].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var actors = Enum.GetValues<Actor>();
        var allowed = Array.IndexOf(tokens, "ok");
        if (allowed >= 0)
        {
            return actors[allowed];
        }
        var reached = Array.FindIndex(tokens, t => t != "login");
        return reached >= 0 ? actors[reached] : Actor.Anonymous;
    }
}
