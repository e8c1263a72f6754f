using System.Net;
using System.Text.RegularExpressions;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;

namespace CoSie.Platform.IntegrationTests.Jobs;

public sealed partial class JobsDashboardTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task Platform_admins_see_the_jobs_dashboard()
    {
        var admin = await factory.UserAsync("ops@jobs.test", platformAdmin: true);
        using var client = await factory.CreateClientAsAsync(admin);
        using var response = await client.GetAsync("/admin/jobs");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("CoSIE jobs", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Visitors_are_sent_to_sign_in_and_other_people_are_refused()
    {
        using var anonymous = factory.CreateBrowserLikeClient();
        using var visitor = await anonymous.GetAsync("/admin/jobs");
        Assert.Equal(HttpStatusCode.Redirect, visitor.StatusCode);
        Assert.Contains("/Account/Login", visitor.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var institution = await factory.InstitutionAsync("jobs-inst");
        var institutionAdmin = await factory.MemberAsync(institution, "admin@jobs-inst.test", InstitutionRole.Admin);
        using var client = await factory.CreateClientAsAsync(institutionAdmin);
        foreach (var url in new[] { "/admin/jobs", "/admin/jobs/recurring", "/admin/jobs/stats" })
        {
            using var refused = await client.GetAsync(url);
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{url} answered {(int)refused.StatusCode}");
        }
    }

    [Fact]
    public async Task The_statistics_answer_the_dashboards_own_poll_and_tell_a_get_to_post()
    {
        var admin = await factory.UserAsync("stats@jobs.test", platformAdmin: true);
        using var client = await factory.CreateClientAsAsync(admin);
        var dashboard = await client.GetStringAsync("/admin/jobs");
        var token = CsrfToken().Match(dashboard).Groups[1].Value;

        using var poll = new HttpRequestMessage(HttpMethod.Post, "/admin/jobs/stats")
        {
            Content = new FormUrlEncodedContent([new("metrics[]", "servers:count"), new("metrics[]", "succeeded:count")]),
        };
        poll.Headers.Add("RequestVerificationToken", token);
        using var polled = await client.SendAsync(poll);
        using var get = await client.GetAsync("/admin/jobs/stats");

        Assert.Equal(HttpStatusCode.OK, polled.StatusCode);
        Assert.Contains("\"servers:count\"", await polled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal(["POST"], get.Content.Headers.Allow);
    }

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex CsrfToken();
}
