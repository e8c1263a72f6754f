using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using ImageMagick;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.IntegrationTests.Institutions;

// An institution admin gives the institution's pages its colour and logo; a colour that would make text unreadable is
// refused, and one institution's look never reaches another's pages.
public sealed class AppearanceTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    private async Task<(Institution Institution, HttpClient Admin)> InstitutionWithAdminAsync(string name)
    {
        var institution = await factory.InstitutionAsync("look-" + Guid.NewGuid().ToString("N")[..8], name);
        var admin = await factory.MemberAsync(institution, $"admin@{institution.Slug}.example.org", InstitutionRole.Admin);
        return (institution, await factory.CreateBrowserLikeClientAsAsync(admin));
    }

    [Fact]
    public async Task An_accent_colour_reaches_every_page_through_the_theme_stylesheet_with_a_dark_variant()
    {
        var (institution, admin) = await InstitutionWithAdminAsync("Teal University");
        var other = await factory.InstitutionAsync("plain-" + Guid.NewGuid().ToString("N")[..8], "Plain College");

        using var saved = await admin.SubmitAsync($"/{institution.Slug}/settings/appearance", new Dictionary<string, string> { ["AccentColor"] = "#0B6E6E" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var home = await factory.CreateClient().GetDocumentAsync($"/{institution.Slug}/");
        var theme = home.QuerySelector("link[rel=stylesheet][href*='theme.css']")?.GetAttribute("href");
        Assert.Equal($"/{institution.Slug}/theme.css?v=0b6e6e", theme);
        using var css = await factory.CreateClient().GetAsync(theme);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", css.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var text = await css.Content.ReadAsStringAsync();
        Assert.Contains("--accent: #0b6e6e;", text, StringComparison.Ordinal);
        Assert.Matches(@"prefers-color-scheme: dark\) \{ :root \{ --accent: #[0-9a-f]{6};", text);
        Assert.DoesNotContain("--accent: #0b6e6e; --accent-ink: #0b1a2e", text, StringComparison.Ordinal);

        // Another institution keeps the platform's colours: no theme link, and its own stylesheet says nothing.
        var otherHome = await factory.CreateClient().GetDocumentAsync($"/{other.Slug}/");
        Assert.Null(otherHome.QuerySelector("link[href*='theme.css']"));
        Assert.Equal("", await factory.CreateClient().GetStringAsync($"/{other.Slug}/theme.css"));
    }

    [Theory]
    [InlineData("#ffcc00", "too light")]
    [InlineData("#777777", "too light")]
    [InlineData("teal", "six hexadecimal digits")]
    [InlineData("#12345", "six hexadecimal digits")]
    [InlineData("#1f5fa8; } body { display: none", "six hexadecimal digits")]
    public async Task A_colour_that_is_unreadable_or_not_a_colour_is_refused_and_nothing_changes(string colour, string message)
    {
        var (institution, admin) = await InstitutionWithAdminAsync("Careful College");
        using var first = await admin.SubmitAsync($"/{institution.Slug}/settings/appearance", new Dictionary<string, string> { ["AccentColor"] = "#1d4e89" });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        using var refused = await admin.SubmitAsync($"/{institution.Slug}/settings/appearance", new Dictionary<string, string> { ["AccentColor"] = colour });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await refused.ParseAsync();
        Assert.Contains(message, page.ErrorFor("AccentColor"), StringComparison.Ordinal);
        Assert.Equal("#1d4e89", await factory.WithServicesAsync(s => StoredAccentAsync(s, institution.Id)));
    }

    [Fact]
    public async Task A_logo_is_re_encoded_scaled_to_the_header_and_shown_beside_the_name()
    {
        var (institution, admin) = await InstitutionWithAdminAsync("Logo University");
        using var big = new MagickImage(MagickColors.DarkSlateBlue, 1200, 600);
        big.Format = MagickFormat.Png;
        big.SetAttribute("comment", "secret note");

        using var uploaded = await admin.UploadAsync($"/{institution.Slug}/settings/appearance", "Logo", "logo.png", big.ToByteArray());

        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var home = await factory.CreateClient().GetDocumentAsync($"/{institution.Slug}/");
        var logo = home.QuerySelector("a.brand img.brand-logo")?.GetAttribute("src");
        Assert.NotNull(logo);
        Assert.Matches($"^/{institution.Slug}/media/[0-9a-f]{{64}}\\.png$", logo);
        var bytes = await factory.CreateClient().GetByteArrayAsync(logo);
        using var stored = new MagickImage(bytes);
        Assert.True(stored.Width <= 480 && stored.Height <= 160, $"{stored.Width}x{stored.Height}");
        Assert.Null(stored.GetAttribute("comment"));
        // Another institution's address does not serve it.
        var other = await factory.InstitutionAsync("nologo-" + Guid.NewGuid().ToString("N")[..8], "No Logo College");
        using var elsewhere = await factory.CreateClient().GetAsync(logo.Replace($"/{institution.Slug}/", $"/{other.Slug}/", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);

        // Removed again with the checkbox.
        using var removed = await admin.SubmitAsync($"/{institution.Slug}/settings/appearance", new Dictionary<string, string> { ["RemoveLogo"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Null((await factory.CreateClient().GetDocumentAsync($"/{institution.Slug}/")).QuerySelector("img.brand-logo"));
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused_with_a_message()
    {
        var (institution, admin) = await InstitutionWithAdminAsync("Script College");
        var svg = "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"u8.ToArray();

        using var refused = await admin.UploadAsync($"/{institution.Slug}/settings/appearance", "Logo", "logo.svg", svg);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("PNG, JPEG or WebP", (await refused.ParseAsync()).ErrorFor("Logo"), StringComparison.Ordinal);
        Assert.Null(await factory.WithServicesAsync(s => StoredLogoAsync(s, institution.Id)));
    }

    [Fact]
    public async Task Only_the_institution_s_admins_reach_the_page()
    {
        var (institution, _) = await InstitutionWithAdminAsync("Guarded University");
        var instructor = await factory.MemberAsync(institution, $"teacher@{institution.Slug}.example.org", InstitutionRole.Instructor);
        var client = await factory.CreateBrowserLikeClientAsAsync(instructor);

        using var page = await client.GetAsync($"/{institution.Slug}/settings/appearance");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
    }

    private static Task<string?> StoredAccentAsync(IServiceProvider services, Guid id) =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Web.Data.PlatformDbContext>(services)
            .Institutions.Where(i => i.Id == id).Select(i => i.AccentColor).SingleAsync();

    private static Task<string?> StoredLogoAsync(IServiceProvider services, Guid id) =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Web.Data.PlatformDbContext>(services)
            .Institutions.Where(i => i.Id == id).Select(i => i.LogoFile).SingleAsync();
}
