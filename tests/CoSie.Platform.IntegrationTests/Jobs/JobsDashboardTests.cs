using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;

namespace CoSie.Platform.IntegrationTests.Jobs;

public sealed class JobsDashboardTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
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
}
