using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;

namespace CoSie.Platform.IntegrationTests.Institutions;

// Each institution publishes its own accessibility statement in the EU model's shape, linked from the foot of its pages.
public sealed class AccessibilityStatementTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    private static Dictionary<string, string> Complete(string email = "access@example.org") => new()
    {
        ["Input.Compliance"] = "Partial",
        ["Input.NonAccessibleContent"] = "Some imported videos have no captions.\n\nThe 2019 PDF handouts are scanned images.",
        ["Input.Assessment"] = "SelfAssessment",
        ["Input.PreparedOn"] = "2026-10-30",
        ["Input.ReviewedOn"] = "",
        ["Input.ContactEmail"] = email,
        ["Input.EnforcementBody"] = "Regional State Administrative Agency for Southern Finland",
        ["Input.EnforcementUrl"] = "https://www.saavutettavuusvaatimukset.fi/",
    };

    private async Task<(Institution Institution, HttpClient Admin)> InstitutionWithAdminAsync(string name)
    {
        var institution = await factory.InstitutionAsync("a11y-" + Guid.NewGuid().ToString("N")[..8], name);
        var admin = await factory.MemberAsync(institution, $"admin@{institution.Slug}.example.org", InstitutionRole.Admin);
        return (institution, await factory.CreateBrowserLikeClientAsAsync(admin));
    }

    [Fact]
    public async Task Before_the_institution_prepares_one_the_page_says_so_and_describes_the_platform()
    {
        var (institution, _) = await InstitutionWithAdminAsync("Unprepared University");

        var home = await factory.CreateClient().GetDocumentAsync($"/{institution.Slug}/");
        var link = home.QuerySelector("footer a[href$='/accessibility']");
        Assert.NotNull(link);
        var page = await factory.CreateClient().GetDocumentAsync(link.GetAttribute("href")!);

        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains("Unprepared University has not published its accessibility statement here yet.", text, StringComparison.Ordinal);
        Assert.Contains("WCAG 2.2", text, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("main a[href$='/settings/accessibility']"));
    }

    [Fact]
    public async Task An_admin_publishes_the_statement_and_everyone_reads_it_in_the_model_s_sections()
    {
        var (institution, admin) = await InstitutionWithAdminAsync("Prepared University");
        var other = await factory.InstitutionAsync("a11y-other-" + Guid.NewGuid().ToString("N")[..6], "Other Agency");

        using var saved = await admin.SubmitAsync($"/{institution.Slug}/settings/accessibility", Complete());
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, (await saved.ParseAsync()).Summary());

        var page = await factory.CreateClient().GetDocumentAsync($"/{institution.Slug}/accessibility");
        var headings = page.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Compliance status", "Non-accessible content", "Preparation of this accessibility statement", "Feedback and contact information", "Enforcement procedure"], headings);
        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains("partially compliant", text, StringComparison.Ordinal);
        Assert.Contains("Some imported videos have no captions.", text, StringComparison.Ordinal);
        Assert.Equal(2, page.QuerySelectorAll("main p.preserve-lines").Length);
        Assert.Contains("30 October 2026", text, StringComparison.Ordinal);
        Assert.Equal("mailto:access@example.org", page.QuerySelector("main a[href^='mailto:']")?.GetAttribute("href"));
        Assert.Equal("https://www.saavutettavuusvaatimukset.fi/", page.QuerySelector("main a[rel=external]")?.GetAttribute("href"));

        // The other institution's statement is its own, still unprepared.
        var elsewhere = (await factory.CreateClient().GetDocumentAsync($"/{other.Slug}/accessibility")).QuerySelector("main")!.TextContent;
        Assert.Contains("Other Agency has not published", elsewhere, StringComparison.Ordinal);
        Assert.DoesNotContain("access@example.org", elsewhere, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Input.ContactEmail", "not an address", "Enter an email address")]
    [InlineData("Input.ContactEmail", "", "Enter the address people write to")]
    [InlineData("Input.PreparedOn", "", "Enter the date the statement was prepared.")]
    [InlineData("Input.PreparedOn", "2999-01-01", "a date still to come")]
    [InlineData("Input.EnforcementUrl", "javascript:alert(1)", "starts with https://")]
    [InlineData("Input.EnforcementBody", "", "Name the enforcement body")]
    public async Task Bad_input_says_what_is_wrong_and_publishes_nothing(string field, string value, string message)
    {
        var (institution, admin) = await InstitutionWithAdminAsync("Strict University");
        var input = Complete();
        input[field] = value;

        using var refused = await admin.SubmitAsync($"/{institution.Slug}/settings/accessibility", input);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(message, (await refused.ParseAsync()).ErrorFor(field), StringComparison.Ordinal);
        var page = await factory.CreateClient().GetDocumentAsync($"/{institution.Slug}/accessibility");
        Assert.Contains("has not published", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_review_before_the_statement_was_prepared_is_refused()
    {
        var (institution, admin) = await InstitutionWithAdminAsync("Timely University");
        var input = Complete();
        input["Input.ReviewedOn"] = "2026-10-01";

        using var refused = await admin.SubmitAsync($"/{institution.Slug}/settings/accessibility", input);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("between the preparation date and today", (await refused.ParseAsync()).ErrorFor("Input.ReviewedOn"), StringComparison.Ordinal);
    }
}
