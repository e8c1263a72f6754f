using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;

namespace CoSie.Platform.IntegrationTests.Account;

public sealed class ManageAccountTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    private const string NewPassword = "the lighthouse keeps its own time";

    private async Task<HttpClient> SignedInAsync(string email, string? name = null)
    {
        await factory.UserAsync(email, name);
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync(email);
        return client;
    }

    [Fact]
    public async Task The_profile_saves_name_language_region_and_time_zone_and_applies_them_at_once()
    {
        var client = await SignedInAsync("profile@example.org", "Old Name");

        using var saved = await client.SubmitAsync("/Account/Manage", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Nieuwe Naam",
            ["Input.Language"] = "nl",
            ["Input.Culture"] = "fi",
            ["Input.TimeZoneId"] = "Europe/Amsterdam",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var user = await factory.FindUserAsync("profile@example.org");
        Assert.Equal(("Nieuwe Naam", "nl", "fi", "Europe/Amsterdam"), (user!.DisplayName, user.Language, user.Culture, user.TimeZoneId));
        var page = await client.GetDocumentAsync("/Account/Manage");
        // Dutch words, Finnish formats, the Amsterdam clock.
        Assert.Equal("nl", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("fi", page.Body!.GetAttribute("data-formats"));
        Assert.Equal("Europe/Amsterdam", page.Body.GetAttribute("data-time-zone"));
        Assert.Equal("Nieuwe Naam", page.QuerySelector("a[href='/Account/Manage']")!.TextContent.Trim());
        Assert.Equal("Europe/Amsterdam", page.QuerySelector("select[name='Input.TimeZoneId'] option[selected]")!.GetAttribute("value"));
        Assert.Equal(Translations.Of("nl", "Your profile has been saved."), page.QuerySelector(".notice")!.TextContent.Trim());
    }

    [Fact]
    public async Task An_empty_time_zone_falls_back_to_the_institution()
    {
        var client = await SignedInAsync("no-zone@example.org");
        await factory.UpdateUserAsync("no-zone@example.org", u => u.TimeZoneId = "Asia/Tokyo");

        using var saved = await client.SubmitAsync("/Account/Manage", new Dictionary<string, string>
        {
            ["Input.TimeZoneId"] = string.Empty,
            ["Input.Culture"] = string.Empty,
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var user = await factory.FindUserAsync("no-zone@example.org");
        Assert.Null(user!.TimeZoneId);
        Assert.Null(user.Culture);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("../../etc/passwd")]
    [InlineData("W. Europe Standard Time")]
    public async Task An_unknown_time_zone_gets_a_clear_error_and_changes_nothing(string zone)
    {
        var email = $"zone{zone.Length}@example.org";
        var client = await SignedInAsync(email, "Zone Tester");

        using var response = await client.SubmitAsync("/Account/Manage", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Changed Name",
            ["Input.TimeZoneId"] = zone,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("is not a time zone we know", page.QuerySelector("[data-valmsg-for='Input.TimeZoneId']")!.TextContent, StringComparison.Ordinal);
        var user = await factory.FindUserAsync(email);
        Assert.Equal("Zone Tester", user!.DisplayName);
        Assert.Null(user.TimeZoneId);
    }

    [Fact]
    public async Task An_unsupported_culture_is_refused()
    {
        var client = await SignedInAsync("klingon@example.org");

        using var response = await client.SubmitAsync("/Account/Manage", new Dictionary<string, string> { ["Input.Culture"] = "tlh", ["Input.Language"] = "tlh" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal("Choose a language from the list.", page.QuerySelector("[data-valmsg-for='Input.Language']")!.TextContent.Trim());
        Assert.Equal("Choose a region from the list.", page.QuerySelector("[data-valmsg-for='Input.Culture']")!.TextContent.Trim());
        var user = await factory.FindUserAsync("klingon@example.org");
        Assert.Equal((null, null), (user!.Culture, user.Language));
    }

    [Fact]
    public async Task A_profile_post_without_an_antiforgery_token_is_refused_and_changes_nothing()
    {
        var client = await SignedInAsync("csrf-target@example.org", "Original");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.DisplayName"] = "Forged" });

        using var response = await client.PostAsync("/Account/Manage", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Original", (await factory.FindUserAsync("csrf-target@example.org"))!.DisplayName);
    }

    [Fact]
    public async Task Changing_the_password_keeps_this_session_and_ends_the_others()
    {
        var here = await SignedInAsync("changer@example.org");
        var elsewhere = factory.CreateBrowserLikeClient();
        await elsewhere.SignInAsync("changer@example.org");

        using var changed = await here.SubmitAsync("/Account/Manage/Password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = Seed.Password,
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        factory.Clock.Advance(TimeSpan.FromMinutes(2));

        using var stillHere = await here.GetAsync("/Account/Manage");
        Assert.Equal(HttpStatusCode.OK, stillHere.StatusCode);
        using var goneElsewhere = await elsewhere.GetAsync("/Account/Manage");
        Assert.Equal(HttpStatusCode.Redirect, goneElsewhere.StatusCode);
        var fresh = factory.CreateBrowserLikeClient();
        await fresh.SignInAsync("changer@example.org", NewPassword);
    }

    [Fact]
    public async Task A_wrong_current_password_changes_nothing()
    {
        var client = await SignedInAsync("careful@example.org");

        using var response = await client.SubmitAsync("/Account/Manage/Password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "not my password at all",
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal("The current password is not correct.", page.QuerySelector("[data-valmsg-for='Input.CurrentPassword']")!.TextContent.Trim());
        await factory.CreateBrowserLikeClient().SignInAsync("careful@example.org");
    }

    [Fact]
    public async Task A_new_password_must_follow_the_same_policy()
    {
        var client = await SignedInAsync("policy@example.org");

        using var response = await client.SubmitAsync("/Account/Manage/Password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = Seed.Password,
            ["Input.NewPassword"] = "iloveyou1234",
            ["Input.ConfirmPassword"] = "iloveyou1234",
        });

        var page = await response.ParseAsync();
        Assert.Contains("most common", page.QuerySelector("[data-valmsg-for='Input.NewPassword']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_the_email_takes_effect_when_the_new_address_confirms_it()
    {
        var client = await SignedInAsync("old-address@example.org", "Mover");

        using var asked = await client.SubmitAsync("/Account/Manage/Email", new Dictionary<string, string> { ["Input.NewEmail"] = "new-address@example.org" });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Equal("old-address@example.org", (await factory.FindUserAsync("old-address@example.org"))!.Email);
        var mail = await factory.Mail.WaitForMailToAsync("new-address@example.org", "Confirm your new address");

        using var confirmed = await client.GetAsync(mail.LinkTo("/Account/Manage/ConfirmEmailChange"));

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var user = await factory.FindUserAsync("new-address@example.org");
        Assert.NotNull(user);
        Assert.Equal("new-address@example.org", user.UserName);
        Assert.True(user.EmailConfirmed);
        Assert.Null(await factory.FindUserAsync("old-address@example.org"));
        var page = await client.GetDocumentAsync("/Account/Manage/Email");
        Assert.Contains("new-address@example.org", page.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        await factory.Mail.WaitForMailToAsync("old-address@example.org", "sign-in address has changed");
        await factory.CreateBrowserLikeClient().SignInAsync("new-address@example.org");
    }

    [Fact]
    public async Task An_email_change_link_does_nothing_for_another_account()
    {
        var owner = await SignedInAsync("link-owner@example.org");
        using var asked = await owner.SubmitAsync("/Account/Manage/Email", new Dictionary<string, string> { ["Input.NewEmail"] = "wanted@example.org" });
        var link = (await factory.Mail.WaitForMailToAsync("wanted@example.org", "Confirm your new address")).LinkTo("/Account/Manage/ConfirmEmailChange");
        var other = await SignedInAsync("link-thief@example.org");

        var page = await other.GetDocumentAsync(link);

        Assert.Equal("This link does not work", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(await factory.FindUserAsync("link-thief@example.org"));
        Assert.Null(await factory.FindUserAsync("wanted@example.org"));
    }
}
