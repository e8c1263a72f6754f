using System.Net;
using AngleSharp.Html.Dom;
using CoSie.Platform.IntegrationTests.Cohorts;
using CoSie.Platform.IntegrationTests.Infrastructure;

namespace CoSie.Platform.IntegrationTests.Security;

// PostgreSQL text cannot hold a NUL (U+0000), so one that reached a query failed it as a 500 (sign-in, registration,
// password reset, resending the confirmation, signing out). It is refused with 400 wherever it comes: in any field of
// any form, in a query string. (In the path the server itself refuses it, before the app sees the request.)
public sealed class NulInputTests(SecurityFactory factory) : IClassFixture<SecurityFactory>
{
    private const string Nul = "a\0b";

    [Fact]
    public async Task A_nul_in_any_field_of_any_form_is_refused_with_400_and_changes_nothing()
    {
        var endpoints = await MappedEndpoints.ListAsync(factory);
        var clients = new Dictionary<Actor, HttpClient>();

        // Opening a page may write (a thread marks itself read), so every page is read before the fingerprint.
        var forms = new List<(string Key, Actor Actor, HttpClient Client, string Url, IHtmlFormElement Form)>();
        var posted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in endpoints.Where(e => e.Method == "GET" && !e.Key.Contains("handler=", StringComparison.Ordinal)))
        {
            if (Reader(page.Key) is not { } actor)
            {
                continue;
            }
            var client = await ClientAsync(clients, actor);
            using var response = await client.GetAsync(page.Url);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }
            var document = await response.ParseAsync();
            foreach (var form in document.QuerySelectorAll("form").OfType<IHtmlFormElement>().Where(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase)))
            {
                posted.Add(new Uri(new Uri(client.BaseAddress!, page.Url), form.GetAttribute("action") ?? page.Url).AbsolutePath);
                forms.Add((page.Key, actor, client, page.Url, form));
            }
        }
        var anyForms = new Dictionary<Actor, IHtmlFormElement>();
        foreach (var actor in Enum.GetValues<Actor>())
        {
            anyForms[actor] = await (await ClientAsync(clients, actor)).AnyFormAsync(actor == Actor.Anonymous ? "/Account/Login" : "/Account/Manage");
        }
        var before = await factory.FingerprintAsync();

        var failures = new List<string>();
        var fieldsTried = 0;
        foreach (var (key, actor, client, url, form) in forms)
        {
            var names = form.Elements.Select(e => e.GetAttribute("name")).OfType<string>().Where(n => n.Length > 0).Distinct().ToList();
            foreach (var name in names)
            {
                fieldsTried++;
                using var refused = await client.PostFormAsync(url, form, new Dictionary<string, string> { [name] = Nul });
                var html = await refused.Content.ReadAsStringAsync();
                if (refused.StatusCode != HttpStatusCode.BadRequest || !html.Contains("<h1>Bad request</h1>", StringComparison.Ordinal))
                {
                    failures.Add($"  {key} as {actor}, form {form.GetAttribute("action")}, field {name}: {(int)refused.StatusCode} {Forms.Excerpt(html)}");
                }
            }
        }

        // Every POST endpoint, also those no page links a form to, with a NUL in a field of a form of the person.
        foreach (var endpoint in endpoints.Where(e => e.Method == "POST" && !e.Pattern.Contains("hubs/", StringComparison.Ordinal)))
        {
            var actor = Writer(endpoint.Key);
            var client = await ClientAsync(clients, actor);
            if (!anyForms.TryGetValue(actor, out var form))
            {
                failures.Add($"  {endpoint.Key}: no form of {actor} was read");
                continue;
            }
            form.Action = endpoint.Url;
            using var refused = await client.PostFormAsync(endpoint.Url, form, new Dictionary<string, string> { ["Input.Body"] = Nul });
            if (refused.StatusCode != HttpStatusCode.BadRequest)
            {
                failures.Add($"  {endpoint.Key} as {actor}: {(int)refused.StatusCode}");
            }
        }
        var after = await factory.FingerprintAsync();

        Assert.True(fieldsTried > 100, $"Only {fieldsTried} form fields were found to try.");
        Assert.Contains("/Account/Login", posted);
        Assert.Contains("/Account/Register", posted);
        Assert.Contains("/Account/Logout", posted);
        Assert.True(failures.Count == 0, $"A NUL was not refused with 400:\n{string.Join("\n", failures)}");
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task A_nul_in_the_query_string_of_any_page_is_refused_with_400()
    {
        var endpoints = await MappedEndpoints.ListAsync(factory);
        var clients = new Dictionary<Actor, HttpClient>();

        var failures = new List<string>();
        foreach (var page in endpoints.Where(e => e.Method == "GET"))
        {
            var client = await ClientAsync(clients, Reader(page.Key) ?? Actor.Anonymous);
            var separator = page.Url.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            foreach (var url in new[] { page.Url + separator + "q=a%00b", page.Url + separator + "a%00b=1" })
            {
                using var response = await client.GetAsync(url);
                var html = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.BadRequest || !html.Contains("<h1>Bad request</h1>", StringComparison.Ordinal))
                {
                    failures.Add($"  {page.Key}: {url} answered {(int)response.StatusCode} {Forms.Excerpt(html)}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"A NUL in the query string was not refused with 400:\n{string.Join("\n", failures)}");
    }

    [Fact]
    public async Task Sign_in_with_a_nul_in_the_address_is_refused_with_400_and_the_page_serves_on()
    {
        using var client = factory.CreateBrowserLikeClient();

        using var refused = await client.SubmitAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = "learner\0@a.test",
            ["Input.Password"] = Seed.Password,
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("<h1>Bad request</h1>", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var again = await client.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    private async Task<HttpClient> ClientAsync(Dictionary<Actor, HttpClient> clients, Actor actor)
    {
        if (!clients.TryGetValue(actor, out var client))
        {
            client = clients[actor] = await factory.ClientAsAsync(actor);
        }
        return client;
    }

    // Someone the matrix lets open the page, if anyone.
    private static Actor? Reader(string key)
    {
        var tokens = AccessMatrix.Expected[key].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var index = Array.IndexOf(tokens, "200");
        return index >= 0 ? Enum.GetValues<Actor>()[index] : null;
    }

    // Someone the matrix lets post, else someone it reaches (not sent to sign in), else a visitor.
    private static Actor Writer(string key)
    {
        var tokens = AccessMatrix.Expected[key].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var allowed = Array.IndexOf(tokens, "ok");
        var reached = allowed >= 0 ? allowed : Array.FindIndex(tokens, t => t != "login");
        return reached >= 0 ? Enum.GetValues<Actor>()[reached] : Actor.Anonymous;
    }
}
