using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CoSie.Platform.IntegrationTests.Infrastructure;

namespace CoSie.Platform.IntegrationTests.Security;

// Text people type holds no control characters and no text-direction overrides or isolates (PlainText): a display name
// with a line break used to go raw into plain-text mail. Every text field of every form on every page, as someone who
// may use it, refuses each kind with a message on the form, and nothing changes.
public sealed class ControlCharacterTests(SecurityFactory factory) : IClassFixture<SecurityFactory>
{
    private const string Message = "holds a line break, a control character or a text-direction mark that cannot be used there";

    private static readonly (string Kind, string Value)[] Refused =
    [
        ("a C0 control", "Ada\u0001Lovelace"),
        ("a C1 control", "Ada\u0085Lovelace"),
        ("a right-to-left override", "Ada\u202ELovelace"),
        ("a directional isolate", "Ada\u2067Lovelace"),
    ];

    private static readonly (string Kind, string Value)[] LineBreaks =
    [
        ("a line break", "Ada\r\nBcc: someone@example.test"),
        ("a tab", "Ada\tLovelace"),
    ];

    // Fields that are no one's text: the antiforgery token (its own 400), and choices of a list.
    private static readonly string[] TextInputTypes = ["text", "email", "search", "url", "tel"];

    [Fact]
    public async Task Every_text_field_of_every_form_refuses_control_characters_with_a_message_and_changes_nothing()
    {
        var endpoints = await MappedEndpoints.ListAsync(factory);
        var clients = new Dictionary<Actor, HttpClient>();

        // Opening a page may write (a thread marks itself read), so every page is read before the fingerprint.
        var forms = new List<(string Key, Actor Actor, HttpClient Client, string Url, IHtmlFormElement Form)>();
        foreach (var page in endpoints.Where(e => e.Method == "GET" && !e.Key.Contains("handler=", StringComparison.Ordinal)))
        {
            var tokens = AccessMatrix.Expected[page.Key].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var reader = Array.IndexOf(tokens, "200");
            if (reader < 0)
            {
                continue;
            }
            var actor = Enum.GetValues<Actor>()[reader];
            if (!clients.TryGetValue(actor, out var client))
            {
                client = clients[actor] = await factory.ClientAsAsync(actor);
            }
            using var response = await client.GetAsync(page.Url);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }
            var document = await response.ParseAsync();
            forms.AddRange(document.QuerySelectorAll("main form").OfType<IHtmlFormElement>()
                .Where(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase))
                .Select(f => (page.Key, actor, client, page.Url, f)));
        }
        var before = await factory.FingerprintAsync();

        var failures = new List<string>();
        var tried = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, actor, client, url, form) in forms)
        {
            foreach (var field in form.Elements.Where(IsText))
            {
                var name = field.GetAttribute("name")!;
                tried.Add($"{key} {name}");
                // A field is multi-line where its page offers a text area for it (a reason is one line in one form, several
                // in another: the property decides).
                var multiline = field.Owner!.QuerySelectorAll("textarea").Any(t => t.GetAttribute("name") == name);
                foreach (var (kind, value) in multiline ? Refused : [.. Refused, .. LineBreaks])
                {
                    using var refused = await client.PostFormAsync(url, form, new Dictionary<string, string> { [name] = value });
                    var html = await refused.Content.ReadAsStringAsync();
                    if (refused.StatusCode != HttpStatusCode.BadRequest || !html.Contains(Message, StringComparison.Ordinal))
                    {
                        failures.Add($"  {key} as {actor}, {name}, {kind}: {(int)refused.StatusCode} {refused.Headers.Location}");
                    }
                }
            }
        }
        var after = await factory.FingerprintAsync();

        Assert.Contains(tried, t => t.EndsWith("Input.DisplayName", StringComparison.Ordinal));
        Assert.Contains(tried, t => t.StartsWith("GET /Courses/New ", StringComparison.Ordinal));
        Assert.Contains(tried, t => t.StartsWith("GET /Discussions/Threads/Thread ", StringComparison.Ordinal));
        Assert.True(failures.Count == 0, $"Control characters not refused with a message ({tried.Count} fields tried):\n{string.Join("\n", failures)}");
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task A_display_name_is_stored_in_NFC()
    {
        using var client = await factory.CreateClientAsAsync(factory.People[Actor.OtherCohortLearnerA]);

        using var saved = await client.SubmitAsync("/Account/Manage", new Dictionary<string, string> { ["Input.DisplayName"] = "Zoe\u0308 Cafe\u0301" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = factory.People[Actor.OtherCohortLearnerA].Id;
        Assert.Equal("Zo\u00EB Caf\u00E9", await factory.SqlScalarAsSuperuserAsync($"SELECT display_name FROM \"AspNetUsers\" WHERE id = '{id}'"));
    }

    private static bool IsText(IElement element) => !string.IsNullOrEmpty(element.GetAttribute("name")) && element switch
    {
        IHtmlTextAreaElement => true,
        IHtmlInputElement input => TextInputTypes.Contains(input.Type, StringComparer.OrdinalIgnoreCase),
        _ => false,
    };
}
