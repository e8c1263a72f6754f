using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.IntegrationTests.Courses;

// With the address guard as in production (no private network allowed, unlike SiteFactory's loopback site), the live
// site form refuses addresses inside private, loopback and link-local networks, however they are written.
public sealed class SiteAddressRefusalTests(CourseFactory factory) : IClassFixture<CourseFactory>
{
    [Theory]
    [InlineData("https://127.0.0.1/", "127.0.0.1")]
    [InlineData("https://10.1.2.3/wordpress/", "10.1.2.3")]
    [InlineData("https://169.254.169.254/latest/", "169.254.169.254")]
    [InlineData("https://[::1]/", "[::1]")]
    [InlineData("https://[fe80::1]/", "[fe80::1]")]
    [InlineData("https://[fd12:3456::1]/", "[fd12:3456::1]")]
    [InlineData("https://[::ffff:127.0.0.1]/", null)]
    [InlineData("https://[64:ff9b::a00:1]/", "[64:ff9b::a00:1]")]
    [InlineData("https://[2002:a00:1::]/", "[2002:a00:1::]")]
    [InlineData("https://2130706433/", null)]
    [InlineData("https://0177.0.0.1/", null)]
    [InlineData("https://0x7f.0.0.1/", null)]
    [InlineData("https://localhost/", "localhost")]
    public async Task A_private_or_local_address_is_refused_on_the_form_with_a_clear_message(string address, string? host)
    {
        var course = await factory.CourseAsync("guarded-" + Guid.NewGuid().ToString("N")[..8], CourseVisibility.Public);
        using var client = await factory.CreateClientAsAsync(factory.Instructor);

        using var response = await client.SubmitAsync($"/course-a/courses/{course.Slug}/import", new Dictionary<string, string>
        {
            ["Site.Address"] = address,
            ["Site.PostType"] = "pages",
        }, formSelector: "form.import-site");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = (await response.ParseAsync()).QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("is a private or local address, which an import may not read. Enter the site's public address.", error, StringComparison.Ordinal);
        if (host is not null)
        {
            Assert.Contains(host, error, StringComparison.Ordinal);
        }
        Assert.Equal(0, await factory.InInstitutionAsync(factory.A.Id, (_, db) => db.CourseImports.CountAsync(i => i.CourseId == course.Id)));
    }
}
