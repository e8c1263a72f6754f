using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using CoSie.Platform.IntegrationTests.Cohorts;
using CoSie.Platform.IntegrationTests.Infrastructure;

namespace CoSie.Platform.IntegrationTests.Security;

// The body shapes of OversizeBodyTests against Kestrel on a real port, where a body larger than Kestrel's own 30 MB
// limit used to get a 500: the app answered 413, but its error page then read the body to bind its status code, and
// Kestrel refused that read. Each answer is read off the socket, and the server must go on serving.
public sealed class RealPortBodyTests(RealPortFactory factory) : IClassFixture<RealPortFactory>
{
    private const int ThirtyOneMegabytes = 31 * 1024 * 1024;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_31_MB_sign_in_form_is_refused_with_413_with_or_without_a_Content_Length(bool withLength)
    {
        var (cookies, fields) = await FormAsync(null, "/Account/Login");

        var (status, page) = await PostHugeAsync("/Account/Login", cookies, fields, withLength);

        Assert.Equal(413, status);
        Assert.Contains("<h1>Too large</h1>", page, StringComparison.Ordinal);
        await AssertServesAsync(cookies, "/Account/Login");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_31_MB_reply_is_refused_with_413_with_or_without_a_Content_Length(bool withLength)
    {
        var cohort = await factory.OpenCohortAsync($"Huge replies {withLength}");
        var author = await factory.LearnerAsync(cohort, $"Huge Author {withLength}");
        using var client = await factory.CreateRealPortClientAsAsync(factory.ServerAddress, author);
        var reflection = await factory.WriteReflectionAsync(client, cohort, "Reply to this.");
        var thread = factory.ThreadUrl(cohort, reflection);
        var (cookies, fields) = await FormAsync(author, thread);

        var (status, page) = await PostHugeAsync(thread + "?handler=Reply", cookies, fields, withLength);

        Assert.Equal(413, status);
        Assert.Contains("<h1>Too large</h1>", page, StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(db => Task.FromResult(db.Replies.Count(r => r.ReflectionId == reflection))));
        await AssertServesAsync(cookies, thread);
    }

    [Fact]
    public async Task Every_malformed_body_shape_is_refused_on_a_real_port_and_the_server_keeps_serving()
    {
        var (cookies, fields) = await FormAsync(null, "/Account/Login");

        var failures = new List<string>();
        foreach (var shape in BodyShapes.All)
        {
            var body = shape.Make(fields, 1024 * 1024);
            var (status, page) = await RawHttp.PostAsync(factory.ServerAddress, "/Account/Login", cookies, body.ContentType, new MemoryStream(body.Bytes), body.Chunked ? null : body.Bytes.Length);
            if (status != (int)shape.Expected || !page.Contains(shape.Heading, StringComparison.Ordinal))
            {
                failures.Add($"  {shape.Name}: {status} {Forms.Excerpt(page)}");
            }
            await AssertServesAsync(cookies, "/Account/Login");
        }

        Assert.True(failures.Count == 0, $"Malformed bodies not refused on a real port:\n{string.Join("\n", failures)}");
    }

    [Theory]
    [InlineData("/Account/Login?ReturnUrl=50%zz")]
    [InlineData("/Account/Login?ReturnUrl=%")]
    [InlineData("/Account/Login?ReturnUrl=a%00b")]
    public async Task A_query_string_with_a_broken_escape_or_a_nul_is_refused_with_400(string target)
    {
        Assert.Equal(400, await RawHttp.GetAsync(factory.ServerAddress, target));
        Assert.Equal(200, await RawHttp.GetAsync(factory.ServerAddress, "/Account/Login?ReturnUrl=%2F"));
    }

    private Task<(int Status, string Body)> PostHugeAsync(string path, string cookies, IReadOnlyList<KeyValuePair<string, string>> fields, bool withLength)
    {
        var prefix = string.Concat(fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value) + "&")) + "Input.Body=";
        var bytes = new byte[prefix.Length + ThirtyOneMegabytes];
        Encoding.ASCII.GetBytes(prefix).CopyTo(bytes, 0);
        bytes.AsSpan(prefix.Length).Fill((byte)'x');
        return RawHttp.PostAsync(factory.ServerAddress, path, cookies, "application/x-www-form-urlencoded", new MemoryStream(bytes), withLength ? bytes.Length : null);
    }

    // The page's hidden fields (its antiforgery token) and the cookies that go with them, as the person's browser has them.
    private async Task<(string Cookies, IReadOnlyList<KeyValuePair<string, string>> Fields)> FormAsync(CoSie.Platform.Web.Identity.PlatformUser? person, string page)
    {
        var jar = new CookieContainer();
        if (person is not null)
        {
            jar.SetCookies(factory.ServerAddress, await factory.SessionCookieHeaderAsync(person));
        }
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false }) { BaseAddress = factory.ServerAddress };
        var form = await client.AnyFormAsync(page);
        var fields = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name))
            .Select(i => BodyShapes.Field(i.Name!, i.Value)).ToList();
        return (jar.GetCookieHeader(factory.ServerAddress), fields);
    }

    private async Task AssertServesAsync(string cookies, string page)
    {
        using var client = new HttpClient { BaseAddress = factory.ServerAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, page);
        request.Headers.Add("Cookie", cookies);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
