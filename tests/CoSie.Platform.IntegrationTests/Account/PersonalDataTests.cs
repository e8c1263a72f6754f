using System.Net;
using System.Text.Json;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Data;
using CoSie.Platform.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.IntegrationTests.Account;

public sealed class PersonalDataTests(PersonalDataTests.Factory factory) : IClassFixture<PersonalDataTests.Factory>
{
    public sealed class Factory : PlatformFactory
    {
        public Institution North { get; private set; } = null!;
        public Institution South { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            North = await this.InstitutionAsync("north-college", "North College");
            South = await this.InstitutionAsync("south-agency", "South Agency");
        }
    }

    private Task<int> MembershipsOfAsync(Guid userId) =>
        factory.WithServicesAsync(services => services.GetRequiredService<PlatformDbContext>().InstitutionMemberships
            .IgnoreQueryFilters([PlatformDbContext.TenantFilter])
            .CountAsync(m => m.UserId == userId));

    [Fact]
    public async Task Download_my_data_returns_json_with_the_email_and_memberships_in_every_institution()
    {
        var user = await factory.MemberAsync(factory.North, "exporter@example.org", InstitutionRole.Learner);
        await factory.MemberAsync(factory.South, user, InstitutionRole.Instructor);
        await factory.MemberAsync(factory.North, "neighbour@example.org", InstitutionRole.Admin);
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("exporter@example.org");

        using var response = await client.SubmitAsync("/north-college/Account/Manage/Data", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var account = json.RootElement.GetProperty("account");
        Assert.Equal("exporter@example.org", account.GetProperty("email").GetString());
        Assert.Equal(user.Id, account.GetProperty("id").GetGuid());
        var memberships = json.RootElement.GetProperty("memberships").EnumerateArray()
            .Select(m => (m.GetProperty("institution").GetString(), m.GetProperty("role").GetString()))
            .ToList();
        Assert.Equal([("north-college", "Learner"), ("south-agency", "Instructor")], memberships);
        Assert.DoesNotContain("passwordHash", json.RootElement.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("neighbour", json.RootElement.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_requires_the_password_and_the_checkbox()
    {
        var user = await factory.MemberAsync(factory.North, "hesitant@example.org", InstitutionRole.Learner);
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("hesitant@example.org");

        using var unticked = await client.SubmitAsync("/Account/Manage/Delete", new Dictionary<string, string> { ["Input.Password"] = Seed.Password });
        Assert.Equal(HttpStatusCode.OK, unticked.StatusCode);
        Assert.Contains("Tick the box", (await unticked.ParseAsync()).QuerySelector("[data-valmsg-for='Input.Confirm']")!.TextContent, StringComparison.Ordinal);

        using var wrongPassword = await client.SubmitAsync("/Account/Manage/Delete", new Dictionary<string, string>
        {
            ["Input.Password"] = "not my password at all",
            ["Input.Confirm"] = "true",
        });
        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode);
        Assert.Equal("The password is not correct.", (await wrongPassword.ParseAsync()).QuerySelector("[data-valmsg-for='Input.Password']")!.TextContent.Trim());

        Assert.NotNull(await factory.FindUserAsync("hesitant@example.org"));
        Assert.Equal(1, await MembershipsOfAsync(user.Id));
    }

    [Fact]
    public async Task Deleting_the_account_removes_it_with_its_memberships_and_signs_out()
    {
        var user = await factory.MemberAsync(factory.North, "departing@example.org", InstitutionRole.Learner);
        await factory.MemberAsync(factory.South, user, InstitutionRole.Learner);
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("departing@example.org");

        using var deleted = await client.SubmitAsync("/Account/Manage/Delete", new Dictionary<string, string>
        {
            ["Input.Password"] = Seed.Password,
            ["Input.Confirm"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal("/", deleted.Headers.Location!.OriginalString);
        var home = await client.GetDocumentAsync("/");
        Assert.Equal("Your account has been deleted.", home.QuerySelector(".notice")!.TextContent.Trim());
        Assert.Null(home.QuerySelector("a[href='/Account/Manage']"));
        Assert.Null(await factory.FindUserAsync("departing@example.org"));
        Assert.Equal(0, await MembershipsOfAsync(user.Id));
        using var signIn = await client.SubmitAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = "departing@example.org",
            ["Input.Password"] = Seed.Password,
        });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }
}
