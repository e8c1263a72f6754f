using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using CoSie.Platform.IntegrationTests.Cohorts;
using CoSie.Platform.IntegrationTests.Discussions;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Features.Discussions.Live;
using Microsoft.AspNetCore.SignalR.Client;

namespace CoSie.Platform.IntegrationTests.Security;

// Every endpoint the app maps, as every kind of person. A route that is not declared in AccessMatrix fails the test, so
// a new page cannot ship without saying who may use it.
public sealed partial class AccessMatrixTests(SecurityFactory factory) : IClassFixture<SecurityFactory>
{
    private static readonly Actor[] Actors = Enum.GetValues<Actor>();

    [Fact]
    public async Task Every_endpoint_answers_each_role_as_declared_and_refusals_change_nothing()
    {
        var endpoints = await MappedEndpoints.ListAsync(factory);
        var missing = endpoints.Where(e => !AccessMatrix.Expected.ContainsKey(e.Key)).Select(e => e.Key).Distinct().ToList();
        var stale = AccessMatrix.Expected.Keys.Except(endpoints.Select(e => e.Key)).ToList();
        var clients = new Dictionary<Actor, HttpClient>();
        foreach (var actor in Actors)
        {
            clients[actor] = await factory.ClientAsAsync(actor);
        }

        var failures = new List<string>();
        var observedMissing = new StringBuilder();
        foreach (var endpoint in endpoints.Where(e => e.Method == "GET"))
        {
            var observed = new List<string>();
            foreach (var actor in Actors)
            {
                using var response = await clients[actor].GetAsync(endpoint.Url);
                observed.Add(Outcome(response));
            }
            Compare(endpoint, observed, failures, observedMissing);
        }

        // Refused writes, each with a valid antiforgery token of the person, so that the refusal comes from authorization.
        // Allowed writes are the subject of each feature's own tests; here they would change what later rows read.
        var before = await factory.FingerprintAsync();
        var forms = new Dictionary<Actor, IHtmlFormElement>();
        foreach (var actor in Actors)
        {
            forms[actor] = await clients[actor].AnyFormAsync(actor == Actor.Anonymous ? "/Account/Login" : "/Account/Manage");
        }
        foreach (var endpoint in endpoints.Where(e => e.Method == "POST"))
        {
            if (!AccessMatrix.Expected.TryGetValue(endpoint.Key, out var declared))
            {
                observedMissing.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"        [\"{endpoint.Key}\"] = \"? (declare the outcome of each role)\",");
                continue;
            }
            var tokens = Tokens(declared);
            var observed = new List<string>();
            for (var i = 0; i < Actors.Length; i++)
            {
                if (tokens[i] == "ok")
                {
                    observed.Add("ok");
                    continue;
                }
                var form = forms[Actors[i]];
                form.Action = endpoint.Url;
                using var response = await clients[Actors[i]].PostFormAsync(endpoint.Url, form, TamperedValues(endpoint.Pattern));
                observed.Add(Outcome(response));
            }
            Compare(endpoint, observed, failures, observedMissing);
        }
        var after = await factory.FingerprintAsync();
        var changed = before.Where(t => after[t.Key] != t.Value).Select(t => t.Key).ToList();
        var inconsistent = Inconsistencies().ToList();

        Assert.True(missing.Count == 0, $"Routes without a declaration in AccessMatrix (one line each):\n{observedMissing}");
        Assert.True(stale.Count == 0, $"Declarations for routes the app no longer maps: {string.Join(", ", stale)}");
        Assert.True(failures.Count == 0, $"Outcomes that differ from AccessMatrix ({string.Join(" ", Actors)}):\n{string.Join("\n", failures)}");
        Assert.True(changed.Count == 0, $"Refused requests changed {string.Join(", ", changed)}");
        Assert.True(inconsistent.Count == 0,
            $"A form refuses someone differently from its page (a form field may bind over a route value; [FromRoute] fixes that):\n{string.Join("\n", inconsistent)}");
    }

    // Whoever a page refuses (sign-in, 403, 404) and its form refuses too, the form refuses the same way: a different
    // answer to the POST means the handler judged another thing than the page did, typically a form field bound over a
    // route parameter. (A form may serve people its page has nothing for, such as the module preview.)
    private static IEnumerable<string> Inconsistencies()
    {
        foreach (var (key, declared) in AccessMatrix.Expected.Where(e => e.Key.StartsWith("POST ", StringComparison.Ordinal)))
        {
            var page = key["POST ".Length..].Split('?')[0];
            if (!AccessMatrix.Expected.TryGetValue("GET " + page, out var get))
            {
                continue;
            }
            var posted = Tokens(declared);
            var read = Tokens(get);
            for (var i = 0; i < Actors.Length; i++)
            {
                if (read[i] is "login" or "403" or "404" && posted[i] != "ok" && posted[i] != read[i])
                {
                    yield return $"  {key}: {Actors[i]} gets {posted[i]}, but {read[i]} from GET {page}";
                }
            }
        }
    }


    [Fact]
    public async Task Hub_methods_are_declared_and_a_thread_joins_only_for_its_readers()
    {
        var declared = new[] { "JoinThread", "LeaveThread", "CatchUp", "WatchPrompt", "UnwatchPrompt", "WatchProposals", "JoinSynthesis", "EditSynthesis", "SynthesisPresence" };
        var methods = typeof(DiscussionHub).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name is not ("OnConnectedAsync" or "OnDisconnectedAsync"))
            .Select(m => m.Name).Distinct().ToList();
        Assert.True(methods.Except(declared).ToList() is [], $"Hub methods without a declaration here: {string.Join(", ", methods.Except(declared))}");

        var readers = new[] { Actor.LearnerA, Actor.InstructorA, Actor.AdminA };
        // The synthesis of A's cohort and module, made by its first visit.
        var synthesisPage = await (await factory.ClientAsAsync(Actor.LearnerA)).GetDocumentAsync($"/{factory.A.Slug}/cohorts/{factory.CohortA.Id}/modules/{factory.ModuleA.Id}/synthesis");
        var synthesisId = Guid.Parse(synthesisPage.QuerySelector("#synthesis")!.GetAttribute("data-synthesis-id")!);
        foreach (var actor in Actors.Where(a => a != Actor.Anonymous))
        {
            await using var live = await LiveClient.ConnectAsync(factory, factory.People[actor]);
            var joined = await live.JoinAsync(factory.A.Slug, factory.ReflectionA);
            Assert.True(joined.Joined == readers.Contains(actor), $"{actor} joining A's thread: {joined.Joined} ({joined.Refusal})");
            var watching = await live.Connection.InvokeAsync<bool>("WatchProposals", factory.A.Slug, factory.CohortA.Id, factory.ModuleA.Id);
            Assert.True(watching == readers.Contains(actor), $"{actor} watching A's proposals: {watching}");
            var synthesis = await live.Connection.InvokeAsync<CoSie.Platform.Web.Features.Synthesis.SynthesisJoinResult>("JoinSynthesis", factory.A.Slug, synthesisId);
            Assert.True(synthesis.Joined == readers.Contains(actor), $"{actor} joining A's synthesis: {synthesis.Joined}");
            if (!readers.Contains(actor))
            {
                Assert.Equal("not-found", joined.Refusal);
            }
        }
    }

    // Hidden and bound inputs a tampering person could send: another institution, cohort, author or post. Pages take
    // them from the route and the session, never from the form.
    // Every route parameter of the endpoint is sent as a form field too, naming something else: the handler must judge
    // the thing in the URL, which the page's authorization was about.
    private Dictionary<string, string> TamperedValues(string pattern)
    {
        var values = TamperedValues();
        foreach (Match parameter in MappedEndpoints.RouteParameter().Matches(pattern))
        {
            var name = parameter.Groups[1].Value;
            var foreign = name switch
            {
                "id" or "cohortId" => factory.CohortB.Id.ToString(),
                "slug" or "course" => "course-b",
                "path" => null,
                _ when parameter.Value.Contains(":guid", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
                _ => "tampered",
            };
            if (foreign is not null)
            {
                values[name] = foreign;
            }
        }
        return values;
    }

    private Dictionary<string, string> TamperedValues() => new()
    {
        ["Input.Body"] = "tampered",
        ["Input.InstitutionId"] = factory.B.Id.ToString(),
        ["InstitutionId"] = factory.B.Id.ToString(),
        ["Input.CohortId"] = factory.CohortB.Id.ToString(),
        ["CohortId"] = factory.CohortB.Id.ToString(),
        ["Input.AuthorId"] = factory.People[Actor.LearnerB].Id.ToString(),
        ["AuthorId"] = factory.People[Actor.LearnerB].Id.ToString(),
        ["UserId"] = factory.People[Actor.LearnerB].Id.ToString(),
    };

    private static void Compare(MappedEndpoint endpoint, List<string> observed, List<string> failures, StringBuilder missing)
    {
        var line = string.Join(" ", observed);
        if (!AccessMatrix.Expected.TryGetValue(endpoint.Key, out var declared))
        {
            missing.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"        [\"{endpoint.Key}\"] = \"{line}\",");
            return;
        }
        if (string.Join(" ", Tokens(declared)) != line)
        {
            failures.Add($"  {endpoint.Key} ({endpoint.Url})\n    declared {string.Join(" ", Tokens(declared))}\n    observed {line}");
        }
    }

    private static string[] Tokens(string declared) => declared.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static string Outcome(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther
            when response.Headers.Location?.OriginalString.Contains("/Account/Login", StringComparison.Ordinal) == true => "login",
        _ => ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
