using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;

namespace CoSie.Platform.IntegrationTests.Tenancy;

public sealed class InstitutionResolutionTests(InstitutionResolutionTests.Factory factory) : IClassFixture<InstitutionResolutionTests.Factory>
{
    public sealed class Factory : PlatformFactory
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await this.InstitutionAsync("uni-a", "University A", "learn.uni-a.example");
            await this.InstitutionAsync("agency-b", "Agency B");
        }
    }

    [Fact]
    public async Task The_first_path_segment_selects_the_institution()
    {
        var client = factory.CreateBrowserLikeClient();
        var page = await client.GetDocumentAsync("/uni-a");
        Assert.Equal("University A", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("/uni-a/", page.QuerySelector("a.brand")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_bound_host_name_selects_the_institution_without_a_prefix()
    {
        var client = factory.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.Host = "learn.uni-a.example";
        var page = await client.GetDocumentAsync("/");
        Assert.Equal("University A", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("/", page.QuerySelector("a.brand")!.GetAttribute("href"));
    }

    [Fact]
    public async Task An_unknown_institution_is_a_friendly_404()
    {
        var client = factory.CreateBrowserLikeClient();
        using var response = await client.GetAsync("/no-such-place");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_root_is_the_platform_landing_page_listing_institutions()
    {
        var client = factory.CreateBrowserLikeClient();
        var page = await client.GetDocumentAsync("/");
        var links = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/uni-a", links);
        Assert.Contains("/agency-b", links);
    }

    [Fact]
    public async Task Platform_pages_do_not_exist_inside_an_institution()
    {
        var client = factory.CreateBrowserLikeClient();
        using var response = await client.GetAsync("/uni-a/Errors/404");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var inside = await client.GetAsync("/uni-a/admin/institutions");
        Assert.Equal(HttpStatusCode.NotFound, inside.StatusCode);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        var client = factory.CreateBrowserLikeClient();
        using var response = await client.GetAsync("/uni-a");
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Single(response.Headers.GetValues("Referrer-Policy"));
    }
}
