using System.Net;
using System.Text.Json;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Identity;

namespace CoSie.Platform.IntegrationTests.Research;

public sealed class PortfolioTests(ResearchFactory factory) : IClassFixture<ResearchFactory>
{
    // Pia wrote a reflection with markup in it and a reply to Quinn's reflection. Quinn (no consent) and Rosa (consent)
    // reply to Pia; Rosa also answers Pia's reply.
    private async Task<(Cohort Cohort, PlatformUser Pia)> SeedAsync(string name)
    {
        var cohort = await factory.CohortAsync(name);
        var pia = await factory.LearnerAsync(cohort, "Pia Portfolio");
        var quinn = await factory.LearnerAsync(cohort, "Quinn Quiet");
        var rosa = await factory.LearnerAsync(cohort, "Rosa Named");
        await factory.ConsentAsync(cohort, rosa);
        var own = await factory.ReflectionAsync(factory.A, cohort, factory.Prompt, pia, "My reflection <script>alert('x')</script> & more");
        await factory.ReplyAsync(factory.A, own.Id, quinn, "Quinn replies to Pia");
        await factory.ReplyAsync(factory.A, own.Id, rosa, "Rosa replies to Pia");
        var quinns = await factory.ReflectionAsync(factory.A, cohort, factory.Prompt, quinn, "Quinn's own reflection");
        var piasReply = await factory.ReplyAsync(factory.A, quinns.Id, pia, "Pia replies to Quinn");
        await factory.ReplyAsync(factory.A, quinns.Id, rosa, "Rosa answers Pia's reply", piasReply);
        await factory.ReplyAsync(factory.A, quinns.Id, quinn, "Quinn talks to himself");
        return (cohort, pia);
    }

    [Fact]
    public async Task The_html_portfolio_holds_own_posts_with_prompt_and_module_and_received_replies_named_only_with_consent()
    {
        var (cohort, pia) = await SeedAsync("Portfolio HTML");
        var client = await factory.CreateClientAsAsync(pia);

        using var response = await client.GetAsync($"/Account/Manage/Portfolio/{cohort.Id}?format=html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("What made co-creation spread?", html, StringComparison.Ordinal);
        Assert.Contains("Spreading co-creation", html, StringComparison.Ordinal);
        Assert.Contains("Pia replies to Quinn", html, StringComparison.Ordinal);
        Assert.Contains("Quinn replies to Pia", html, StringComparison.Ordinal);
        Assert.Contains("Rosa answers Pia&#x27;s reply", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Quinn talks to himself", html, StringComparison.Ordinal);
        Assert.Contains("Rosa Named", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Quinn Quiet", html, StringComparison.Ordinal);
        Assert.Contains("another member", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);

        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.Contains("My reflection <script>alert('x')</script> & more", document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_markdown_portfolio_holds_the_same_posts()
    {
        var (cohort, pia) = await SeedAsync("Portfolio Markdown");
        var client = await factory.CreateClientAsAsync(pia);

        using var response = await client.GetAsync($"/Account/Manage/Portfolio/{cohort.Id}?format=markdown");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType!.MediaType);
        var markdown = await response.Content.ReadAsStringAsync();
        Assert.Contains("### What made co-creation spread?", markdown, StringComparison.Ordinal);
        Assert.Contains("> Rosa replies to Pia", markdown, StringComparison.Ordinal);
        Assert.Contains("Rosa Named", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Quinn Quiet", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_outside_the_cohort_gets_no_portfolio_of_it_and_an_unknown_format_is_refused()
    {
        var (cohort, pia) = await SeedAsync("Portfolio refused");
        var stranger = await factory.CreateClientAsAsync(factory.InstructorB);

        using var foreign = await stranger.GetAsync($"/Account/Manage/Portfolio/{cohort.Id}");
        using var unknown = await (await factory.CreateClientAsAsync(pia)).GetAsync($"/Account/Manage/Portfolio/{cohort.Id}?format=pdf");

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task The_account_page_links_each_cohort_to_its_portfolio()
    {
        var (cohort, pia) = await SeedAsync("Portfolio links");
        var page = await (await factory.CreateClientAsAsync(pia)).GetDocumentAsync("/Account/Manage/Research");

        Assert.NotNull(page.QuerySelector($"a[href='/Account/Manage/Portfolio/{cohort.Id}?format=html']"));
        Assert.NotNull(page.QuerySelector($"a[href='/Account/Manage/Portfolio/{cohort.Id}?format=markdown']"));
    }

    [Fact]
    public async Task The_personal_data_download_includes_the_persons_reflections_and_replies_with_their_times()
    {
        var (_, pia) = await SeedAsync("Personal data");
        var client = await factory.CreateBrowserLikeClientAsAsync(pia);

        using var response = await client.SubmitAsync("/Account/Manage/Data", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var reflection = Assert.Single(json.RootElement.GetProperty("reflections").EnumerateArray());
        Assert.Equal("My reflection <script>alert('x')</script> & more", reflection.GetProperty("body").GetString());
        Assert.Equal(factory.Clock.GetUtcNow(), reflection.GetProperty("createdAt").GetDateTimeOffset());
        var reply = Assert.Single(json.RootElement.GetProperty("replies").EnumerateArray());
        Assert.Equal("Pia replies to Quinn", reply.GetProperty("body").GetString());
        Assert.DoesNotContain("Rosa replies", json.RootElement.ToString(), StringComparison.Ordinal);
    }
}
