using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Identity;

namespace CoSie.Platform.IntegrationTests.Admin;

public sealed class AdminAccessTests(AdminAccessTests.Factory factory) : IClassFixture<AdminAccessTests.Factory>
{
    public sealed class Factory : PlatformFactory
    {
        public Institution UniA { get; private set; } = null!;
        public PlatformUser Learner { get; private set; } = null!;
        public PlatformUser InstitutionAdmin { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            UniA = await this.InstitutionAsync("uni-a", "University A");
            Learner = await this.MemberAsync(UniA, "learner@uni-a.test", InstitutionRole.Learner);
            InstitutionAdmin = await this.MemberAsync(UniA, "admin@uni-a.test", InstitutionRole.Admin);
        }
    }

    public static TheoryData<string> AdminPages => new()
    {
        "/admin/institutions",
        "/admin/institutions/new",
    };

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string url)
    {
        using var response = await factory.CreateBrowserLikeClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task A_learner_is_refused(string url)
    {
        var client = await factory.CreateBrowserLikeClientAsAsync(factory.Learner);

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Not allowed", (await response.ParseAsync()).QuerySelector("h1")!.TextContent.Trim());
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task An_institution_admin_is_not_a_platform_admin(string url)
    {
        var client = await factory.CreateBrowserLikeClientAsAsync(factory.InstitutionAdmin);

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_institution_admin_cannot_post_to_the_admin_pages_either()
    {
        var client = await factory.CreateBrowserLikeClientAsAsync(factory.InstitutionAdmin);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "admin@uni-a.test" });

        using var response = await client.PostAsync($"/admin/institutions/{factory.UniA.Id}/admins", content);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_platform_admin_reaches_the_admin_pages()
    {
        var client = await factory.PlatformAdminClientAsync();

        var page = await client.GetDocumentAsync("/admin/institutions");

        Assert.Equal("Institutions", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("/admin/institutions", page.QuerySelectorAll("header a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Admin_pages_do_not_exist_inside_an_institution()
    {
        var client = await factory.PlatformAdminClientAsync();

        using var response = await client.GetAsync("/uni-a/admin/institutions");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
