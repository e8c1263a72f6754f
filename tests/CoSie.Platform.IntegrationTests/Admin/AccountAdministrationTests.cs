using System.Net;
using CoSie.Platform.IntegrationTests.Discussions;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CoSie.Platform.IntegrationTests.Admin;

// Platform admins find accounts, see where they belong, and disable, enable, reset or sign them out, each after a
// confirmation, audited, and told to the person by mail in their language. What an action ends, it ends at once.
public sealed class AccountAdministrationTests(DiscussionFactory factory) : IClassFixture<DiscussionFactory>
{
    private const string NewPassword = "seven tired owls at dawn";

    [Fact]
    public async Task Accounts_are_found_by_part_of_a_name_or_an_email_address_a_page_at_a_time()
    {
        for (var i = 1; i <= 30; i++)
        {
            await factory.UserAsync($"pager-{i:00}@find.test", $"Pager Person {i:00}");
        }
        var (admin, _) = await AdminAsync();

        var first = await admin.GetDocumentAsync("/admin/accounts?q=pager-");
        var second = await admin.GetDocumentAsync("/admin/accounts?q=pager-&page=2");
        var byName = await admin.GetDocumentAsync("/admin/accounts?q=person%2007");
        var none = await admin.GetDocumentAsync("/admin/accounts?q=nobody-by-that-name");

        Assert.Equal(25, first.QuerySelectorAll("main table tbody tr").Length);
        Assert.Contains("Page 1 of 2", first.QuerySelector(".pagination")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(5, second.QuerySelectorAll("main table tbody tr").Length);
        Assert.Equal("Pager Person 07", byName.QuerySelector("main table tbody tr a")!.TextContent.Trim());
        Assert.Single(byName.QuerySelectorAll("main table tbody tr"));
        Assert.Contains("No account matches “nobody-by-that-name”", none.QuerySelector(".empty-state")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(first.QuerySelector("nav a[href='/admin/institutions']"));
        Assert.NotNull((await admin.GetDocumentAsync("/admin/institutions")).QuerySelector("nav a[href='/admin/accounts']"));
    }

    [Fact]
    public async Task The_account_page_shows_the_institutions_and_cohorts_of_the_person()
    {
        var cohort = await factory.OpenCohortAsync("Where they belong");
        var person = await factory.LearnerAsync(cohort, "Bea Belongs");
        var (admin, _) = await AdminAsync();

        var page = await admin.GetDocumentAsync($"/admin/accounts/{person.Id}");

        Assert.Equal("Bea Belongs", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains(factory.A.Name, page.QuerySelector("#account-institutions")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Where they belong", page.QuerySelector("#account-cohorts")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("No platform admin has acted on this account.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disabling_needs_a_confirmation_and_a_reason_and_without_them_changes_nothing()
    {
        var person = await factory.UserAsync($"{Guid.NewGuid():N}@unsure.test", "Una Unsure");
        var (admin, _) = await AdminAsync();
        var url = $"/admin/accounts/{person.Id}/disable";

        using var unconfirmed = await admin.SubmitAsync(url, new Dictionary<string, string> { ["Input.Reason"] = "Spam" });
        using var withoutReason = await admin.SubmitAsync(url, new Dictionary<string, string> { ["Input.Confirm"] = "true", ["Input.Reason"] = "  " });

        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("Tick the box to confirm.", (await unconfirmed.ParseAsync()).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, withoutReason.StatusCode);
        Assert.Contains("Give the reason.", (await withoutReason.ParseAsync()).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.False((await factory.FindUserAsync(person.Email!))!.IsDisabled);
        Assert.Equal(0, await AuditCountAsync(person.Id));
        Assert.Empty(factory.Mail.To(person.Email!));
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_pages_and_live_connections_at_once_is_audited_and_told_in_its_language()
    {
        var cohort = await factory.OpenCohortAsync("Disabled by an admin");
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Ann Author"));
        var reflectionId = await factory.WriteReflectionAsync(author, cohort, "Follow this.");
        var person = await factory.LearnerAsync(cohort, "Dora Disabled");
        await factory.UpdateUserAsync(person.Email!, u => u.Language = "pl");
        var cookie = await factory.SessionCookieHeaderAsync(person);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(cookie));
        await using var live = await LiveClient.ConnectAsync(factory, person);
        Assert.True((await live.JoinAsync(factory.A.Slug, reflectionId, afterSequence: 1)).Joined);
        var (admin, adminUser) = await AdminAsync();

        using var done = await admin.SubmitAsync($"/admin/accounts/{person.Id}/disable", new Dictionary<string, string>
        {
            ["Input.Reason"] = "Posting <spam> links",
            ["Input.Confirm"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal($"/admin/accounts/{person.Id}", done.Headers.Location!.PathAndQuery());
        Assert.Equal(HttpStatusCode.Redirect, await StatusAsync(cookie));
        Assert.True(await live.ReceivesAsync("Closed", 5), "The live connection was not closed within seconds.");
        Assert.Equal(HubConnectionState.Disconnected, live.Connection.State);
        var signIn = factory.CreateBrowserLikeClient();
        using var refused = await signIn.SubmitAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = person.Email!,
            ["Input.Password"] = Seed.Password,
        });
        Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);

        // In the person's language, whoever disabled the account.
        var mail = await factory.Mail.WaitForMailToAsync(person.Email!, Translations.Of("pl", "Your {site} account has been disabled", "CoSIE"));
        Assert.Equal("pl", mail.Body?.Headers["Content-Language"]);
        Assert.Contains("Posting <spam> links", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Posting &lt;spam&gt; links", mail.HtmlBody, StringComparison.Ordinal);
        var page = await admin.GetDocumentAsync($"/admin/accounts/{person.Id}");
        Assert.Contains("has been told by mail", page.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        var audit = page.QuerySelector("#account-audit tbody tr")!.TextContent;
        Assert.Contains("Disabled the account", audit, StringComparison.Ordinal);
        Assert.Contains("Posting <spam> links", audit, StringComparison.Ordinal);
        Assert.Contains(adminUser.Email!, audit, StringComparison.Ordinal);
        Assert.Contains("Disabled", page.QuerySelector("#account-status")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enabling_a_disabled_account_lets_the_person_sign_in_again()
    {
        var person = await factory.UserAsync($"{Guid.NewGuid():N}@back.test", "Ben Back");
        await factory.UpdateUserAsync(person.Email!, u => u.IsDisabled = true);
        var (admin, _) = await AdminAsync();

        using var done = await admin.SubmitAsync($"/admin/accounts/{person.Id}/enable", new Dictionary<string, string> { ["Input.Confirm"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        await factory.CreateBrowserLikeClient().SignInAsync(person.Email!);
        await factory.Mail.WaitForMailToAsync(person.Email!, "enabled again");
        Assert.Equal(1, await AuditCountAsync(person.Id));
    }

    [Fact]
    public async Task A_platform_admin_cannot_disable_their_own_account()
    {
        var other = await factory.UserAsync($"{Guid.NewGuid():N}@other.test");
        var (admin, adminUser) = await AdminAsync();
        var own = $"/admin/accounts/{adminUser.Id}/disable";

        var page = await admin.GetDocumentAsync(own);
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)(await admin.GetDocumentAsync($"/admin/accounts/{other.Id}/disable")).QuerySelector("main form")!;
        form.Action = own;
        using var posted = await admin.PostFormAsync(own, form, new Dictionary<string, string> { ["Input.Reason"] = "Testing", ["Input.Confirm"] = "true" });

        Assert.Contains("You cannot disable your own account", page.QuerySelector("#nothing-to-do")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("main form"));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("You cannot disable your own account", (await posted.ParseAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.False((await factory.FindUserAsync(adminUser.Email!))!.IsDisabled);
        Assert.Equal(0, await AuditCountAsync(adminUser.Id));
    }

    [Fact]
    public async Task A_forced_password_reset_ends_the_sessions_refuses_the_old_password_and_mails_a_link_that_sets_a_new_one()
    {
        var person = await factory.UserAsync($"{Guid.NewGuid():N}@reset.test", "Rita Reset");
        var cookie = await factory.SessionCookieHeaderAsync(person);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(cookie));
        var (admin, _) = await AdminAsync();

        using var done = await admin.SubmitAsync($"/admin/accounts/{person.Id}/reset-password", new Dictionary<string, string>
        {
            ["Input.Reason"] = "Password found in a leak",
            ["Input.Confirm"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await StatusAsync(cookie));
        var browser = factory.CreateBrowserLikeClient();
        using var old = await browser.SubmitAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = person.Email!,
            ["Input.Password"] = Seed.Password,
        });
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        var link = (await factory.Mail.WaitForMailToAsync(person.Email!, "new password")).LinkTo("/Account/ResetPassword");
        using var reset = await browser.SubmitAsync(link, new Dictionary<string, string>
        {
            ["Input.Email"] = person.Email!,
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        await browser.SignInAsync(person.Email!, NewPassword);
        var audit = (await admin.GetDocumentAsync($"/admin/accounts/{person.Id}")).QuerySelector("#account-audit")!.TextContent;
        Assert.Contains("Forced a password reset", audit, StringComparison.Ordinal);
        Assert.Contains("Password found in a leak", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_an_account_out_everywhere_ends_every_session_and_live_connection_at_once()
    {
        var cohort = await factory.OpenCohortAsync("Signed out by an admin");
        var person = await factory.LearnerAsync(cohort, "Sam Signedout");
        var laptop = await factory.SessionCookieHeaderAsync(person);
        var phone = await factory.SessionCookieHeaderAsync(person);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(laptop));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(phone));
        await using var live = await LiveClient.ConnectAsync(factory, person);
        await live.Connection.InvokeAsync("LeaveThread", Guid.NewGuid());
        var (admin, _) = await AdminAsync();

        using var done = await admin.SubmitAsync($"/admin/accounts/{person.Id}/sign-out", new Dictionary<string, string> { ["Input.Confirm"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await StatusAsync(laptop));
        Assert.Equal(HttpStatusCode.Redirect, await StatusAsync(phone));
        Assert.True(await live.ReceivesAsync("Closed", 5), "The live connection was not closed within seconds.");
        await factory.Mail.WaitForMailToAsync(person.Email!, "signed out of");
        Assert.Contains("Signed out everywhere", (await admin.GetDocumentAsync($"/admin/accounts/{person.Id}")).QuerySelector("#account-audit")!.TextContent, StringComparison.Ordinal);
        await factory.CreateBrowserLikeClient().SignInAsync(person.Email!);
    }

    [Fact]
    public async Task The_platform_audit_log_refuses_changes_to_its_entries()
    {
        var person = await factory.UserAsync($"{Guid.NewGuid():N}@audited.test");
        var (admin, _) = await AdminAsync();
        using var done = await admin.SubmitAsync($"/admin/accounts/{person.Id}/sign-out", new Dictionary<string, string> { ["Input.Confirm"] = "true" });
        Assert.Equal(1, await AuditCountAsync(person.Id));

        await Assert.ThrowsAsync<PostgresException>(() => factory.QueryAsync(db =>
            db.Database.ExecuteSqlAsync($"UPDATE platform_audit_entries SET reason = 'rewritten' WHERE subject_user_id = {person.Id}")));
        await Assert.ThrowsAsync<PostgresException>(() => factory.QueryAsync(db =>
            db.Database.ExecuteSqlAsync($"DELETE FROM platform_audit_entries WHERE subject_user_id = {person.Id}")));
        Assert.Equal(1, await AuditCountAsync(person.Id));
    }

    private async Task<(HttpClient Client, PlatformUser User)> AdminAsync()
    {
        var user = await factory.UserAsync($"{Guid.NewGuid():N}@platform.test", "Pat Platform", platformAdmin: true);
        return (await factory.CreateClientAsAsync(user), user);
    }

    private Task<int> AuditCountAsync(Guid userId) =>
        factory.QueryAsync(db => db.PlatformAuditEntries.CountAsync(e => e.SubjectUserId == userId));

    private async Task<HttpStatusCode> StatusAsync(string cookie)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Manage");
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
