using System.Net;
using AngleSharp.Html.Dom;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.IntegrationTests.Setup;

public sealed class FirstRunTests(PlatformFactory factory) : IClassFixture<PlatformFactory>, IAsyncLifetime
{
    // Every test starts from a platform nobody has set up: the tests of a class run one after another, so
    // clearing the accounts first is enough.
    public Task InitializeAsync() =>
        factory.WithServicesAsync(services => services.GetRequiredService<PlatformDbContext>().Users.ExecuteDeleteAsync());

    public Task DisposeAsync() => Task.CompletedTask;

    private static Dictionary<string, string> Admin(string email = "root@platform.test", string password = "a long enough passphrase") => new()
    {
        ["Input.Email"] = email,
        ["Input.DisplayName"] = "Rita Root",
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = password,
    };

    [Fact]
    public async Task The_landing_page_offers_setup_only_while_no_platform_admin_exists()
    {
        var client = factory.CreateBrowserLikeClient();
        var before = await client.GetDocumentAsync("/");
        Assert.Contains("/setup", before.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")));

        await factory.UserAsync("root@platform.test", platformAdmin: true);

        var after = await client.GetDocumentAsync("/");
        Assert.DoesNotContain("/setup", after.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Setup_creates_the_first_admin_signs_them_in_and_then_the_page_is_gone()
    {
        var client = factory.CreateBrowserLikeClient();
        var form = (IHtmlFormElement)(await client.GetDocumentAsync("/setup")).QuerySelector("main form[method=post]")!;
        var latecomer = factory.CreateBrowserLikeClient();
        var latecomersForm = (IHtmlFormElement)(await latecomer.GetDocumentAsync("/setup")).QuerySelector("main form[method=post]")!;

        using var response = await client.PostFormAsync("/setup", form, Admin());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/institutions", response.Headers.Location?.OriginalString);
        var adminPage = await client.GetDocumentAsync("/admin/institutions");
        Assert.Equal("Institutions", adminPage.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Rita Root", adminPage.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);

        var admins = await AdminEmailsAsync();
        Assert.Equal(["root@platform.test"], admins);

        using var getAgain = await latecomer.GetAsync("/setup");
        Assert.Equal(HttpStatusCode.NotFound, getAgain.StatusCode);
        using var postAgain = await latecomer.PostFormAsync("/setup", latecomersForm, Admin("second@platform.test"));
        Assert.Equal(HttpStatusCode.NotFound, postAgain.StatusCode);
        Assert.Equal(["root@platform.test"], await AdminEmailsAsync());
    }

    [Fact]
    public async Task Setup_with_bad_input_says_what_is_wrong_and_creates_nothing()
    {
        var client = factory.CreateBrowserLikeClient();
        var values = Admin(email: "not-an-address", password: "short");
        values["Input.ConfirmPassword"] = "different";

        using var response = await client.SubmitAsync("/setup", values);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.NotEmpty(page.ErrorFor("Input.Email"));
        Assert.Contains("12", page.ErrorFor("Input.Password"), StringComparison.Ordinal);
        Assert.Equal("The two passwords differ.", page.ErrorFor("Input.ConfirmPassword"));
        Assert.Equal(0, await factory.WithServicesAsync(s => s.GetRequiredService<PlatformDbContext>().Users.CountAsync()));
    }

    [Fact]
    public async Task Setup_does_not_hand_an_existing_account_to_whoever_types_its_address()
    {
        await factory.UserAsync("someone@platform.test");
        var client = factory.CreateBrowserLikeClient();

        using var response = await client.SubmitAsync("/setup", Admin("someone@platform.test"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("exists already", (await response.ParseAsync()).Summary(), StringComparison.Ordinal);
        Assert.Empty(await AdminEmailsAsync());
    }

    [Fact]
    public async Task Two_setups_posted_at_the_same_moment_create_one_admin()
    {
        var first = factory.CreateBrowserLikeClient();
        var second = factory.CreateBrowserLikeClient();
        var firstForm = (IHtmlFormElement)(await first.GetDocumentAsync("/setup")).QuerySelector("main form[method=post]")!;
        var secondForm = (IHtmlFormElement)(await second.GetDocumentAsync("/setup")).QuerySelector("main form[method=post]")!;

        var responses = await Task.WhenAll(
            first.PostFormAsync("/setup", firstForm, Admin("first@platform.test")),
            second.PostFormAsync("/setup", secondForm, Admin("second@platform.test")));

        Assert.Single(await AdminEmailsAsync());
        Assert.Equal(
            [HttpStatusCode.Redirect, HttpStatusCode.NotFound],
            responses.Select(r => r.StatusCode).Order());
    }

    private Task<List<string>> AdminEmailsAsync() =>
        factory.WithServicesAsync(s => s.GetRequiredService<PlatformDbContext>().Users
            .Where(u => u.IsPlatformAdmin).OrderBy(u => u.Email).Select(u => u.Email!).ToListAsync());
}
