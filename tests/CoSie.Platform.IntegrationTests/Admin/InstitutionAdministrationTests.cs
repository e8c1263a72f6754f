using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Data;
using CoSie.Platform.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.IntegrationTests.Admin;

public sealed class InstitutionAdministrationTests(InstitutionAdministrationTests.Factory factory)
    : IClassFixture<InstitutionAdministrationTests.Factory>
{
    public sealed class Factory : PlatformFactory
    {

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await this.InstitutionAsync("uni-a", "University A", "learn.uni-a.example");
        }
    }

    private static Dictionary<string, string> NewInstitution(string slug, string name = "Tallinn School of Design", string hostNames = "") => new()
    {
        ["Input.Slug"] = slug,
        ["Input.Name"] = name,
        ["Input.HostNames"] = hostNames,
        ["Input.TimeZoneId"] = "Europe/Tallinn",
        ["Input.DefaultCulture"] = "et",
    };

    [Fact]
    public async Task A_new_institution_answers_at_its_slug_and_host_names_right_after_saving()
    {
        var client = await factory.PlatformAdminClientAsync();
        // Fill the institution cache first, so that only invalidation can make the new institution visible.
        using (await client.GetAsync("/uni-a"))
        {
        }

        using var response = await client.SubmitAsync("/admin/institutions/new",
            NewInstitution("tsd", hostNames: "Learn.TSD.example\nwww.tsd.example, learn.tsd.example"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/institutions", response.Headers.Location?.OriginalString);
        var list = await client.GetDocumentAsync("/admin/institutions");
        Assert.Contains("Created Tallinn School of Design", list.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);

        var saved = await FindAsync("tsd");
        Assert.NotNull(saved);
        Assert.Equal("Tallinn School of Design", saved.Name);
        Assert.Equal(["learn.tsd.example", "www.tsd.example"], saved.HostNames);
        Assert.Equal("Europe/Tallinn", saved.TimeZoneId);
        Assert.Equal("et", saved.DefaultCulture);

        var bySlug = await factory.CreateBrowserLikeClient().GetDocumentAsync("/tsd");
        Assert.Equal("Tallinn School of Design", bySlug.QuerySelector("h1")!.TextContent.Trim());
        var byHost = factory.CreateBrowserLikeClient();
        byHost.DefaultRequestHeaders.Host = "www.tsd.example";
        Assert.Equal("Tallinn School of Design", (await byHost.GetDocumentAsync("/")).QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_form_offers_IANA_time_zones_with_Brussels_and_the_platform_cultures()
    {
        var client = await factory.PlatformAdminClientAsync();

        var page = await client.GetDocumentAsync("/admin/institutions/new");

        var zone = page.QuerySelector("select[name='Input.TimeZoneId']")!;
        Assert.Equal("Europe/Brussels", zone.QuerySelector("option[selected]")?.GetAttribute("value"));
        Assert.Contains("Europe/Tallinn", zone.QuerySelectorAll("option").Select(o => o.GetAttribute("value")));
        // Grouped by region, Europe first, each zone named by its place and today's offset; every zone once.
        var regions = zone.QuerySelectorAll("optgroup").Select(g => g.GetAttribute("label")).ToList();
        Assert.Equal("Europe", regions[0]);
        Assert.Contains("The Americas", regions);
        Assert.Equal("Tallinn (UTC+02:00)", zone.QuerySelector("optgroup[label='Europe'] option[value='Europe/Tallinn']")?.TextContent);
        Assert.Equal("Argentina / Buenos Aires (UTC-03:00)",
            zone.QuerySelector("optgroup[label='The Americas'] option[value='America/Argentina/Buenos_Aires']")?.TextContent);
        var values = zone.QuerySelectorAll("option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(values.Count, values.Distinct().Count());
        Assert.Equal("Find a time zone", zone.GetAttribute("data-time-zone-filter"));
        var cultures = page.QuerySelectorAll("select[name='Input.DefaultCulture'] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains("fi", cultures);
        foreach (var input in page.QuerySelector("main form[method=post]")!.QuerySelectorAll("input, select, textarea").Where(e => e.GetAttribute("type") != "hidden"))
        {
            Assert.NotNull(page.QuerySelector($"label[for='{input.Id}']"));
        }
    }

    [Theory]
    [InlineData("admin", "reserved")]
    [InlineData("setup", "reserved")]
    [InlineData("-edge-", "Use lowercase letters, digits and hyphens only")]
    [InlineData("uni a", "Use lowercase letters, digits and hyphens only")]
    [InlineData("ab", "3 to 40 characters")]
    [InlineData("", "Enter a slug.")]
    [InlineData("UNI-A", "Another institution already uses the slug “uni-a”.")]
    public async Task A_bad_slug_is_refused_and_nothing_is_saved(string slug, string message)
    {
        var client = await factory.PlatformAdminClientAsync();
        var before = await CountAsync();

        using var response = await client.SubmitAsync("/admin/institutions/new", NewInstitution(slug));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await response.ParseAsync()).ErrorFor("Input.Slug"), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_host_name_bound_to_another_institution_is_refused_naming_that_institution()
    {
        var client = await factory.PlatformAdminClientAsync();

        using var response = await client.SubmitAsync("/admin/institutions/new",
            NewInstitution("taken-host", hostNames: "learn.taken-host.example\nLEARN.uni-a.example"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("“learn.uni-a.example” is already bound to University A.", (await response.ParseAsync()).ErrorFor("Input.HostNames"));
        Assert.Null(await FindAsync("taken-host"));
    }

    [Theory]
    [InlineData("https://learn.example.org/", "leave out the scheme")]
    [InlineData("learn.example.org:8443", "carries a port")]
    [InlineData("under_score.example.org", "is not a valid host name")]
    [InlineData("192.0.2.10", "is an IP address")]
    public async Task A_malformed_host_name_is_refused(string hostName, string message)
    {
        var client = await factory.PlatformAdminClientAsync();

        using var response = await client.SubmitAsync("/admin/institutions/new", NewInstitution("bad-host", hostNames: hostName));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await response.ParseAsync()).ErrorFor("Input.HostNames"), StringComparison.Ordinal);
        Assert.Null(await FindAsync("bad-host"));
    }

    [Fact]
    public async Task Every_problem_in_a_list_of_host_names_is_named_at_once()
    {
        var client = await factory.PlatformAdminClientAsync();

        using var response = await client.SubmitAsync("/admin/institutions/new",
            NewInstitution("many-hosts", hostNames: "under_score.example, learn.uni-a.example, fine.example"));

        var error = (await response.ParseAsync()).ErrorFor("Input.HostNames");
        Assert.Contains("“under_score.example” is not a valid host name", error, StringComparison.Ordinal);
        Assert.Contains("“learn.uni-a.example” is already bound to University A.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("fine.example", error, StringComparison.Ordinal);
        Assert.Null(await FindAsync("many-hosts"));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    public async Task A_time_zone_outside_the_list_is_refused(string timeZone)
    {
        var client = await factory.PlatformAdminClientAsync();
        var values = NewInstitution("bad-zone");
        values["Input.TimeZoneId"] = timeZone;

        using var response = await client.SubmitAsync("/admin/institutions/new", values);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Choose a time zone from the list.", (await response.ParseAsync()).ErrorFor("Input.TimeZoneId"));
        Assert.Null(await FindAsync("bad-zone"));
    }

    [Fact]
    public async Task A_missing_name_and_an_unknown_culture_are_refused()
    {
        var client = await factory.PlatformAdminClientAsync();
        var values = NewInstitution("no-name", name: "  ");
        values["Input.DefaultCulture"] = "tlh";

        using var response = await client.SubmitAsync("/admin/institutions/new", values);

        var page = await response.ParseAsync();
        Assert.Equal("Enter the institution's name.", page.ErrorFor("Input.Name"));
        Assert.Equal("Choose a language from the list.", page.ErrorFor("Input.DefaultCulture"));
        Assert.Null(await FindAsync("no-name"));
    }

    [Fact]
    public async Task Editing_moves_the_institution_to_its_new_slug_and_host_name_at_once()
    {
        var institution = await factory.InstitutionAsync("old-place", "Old Place", "old.place.example");
        var client = await factory.PlatformAdminClientAsync();
        using (await client.GetAsync("/old-place"))
        {
        }

        var form = await client.GetDocumentAsync($"/admin/institutions/{institution.Id}/edit");
        Assert.Contains("/old-place", form.QuerySelector(".warning")!.TextContent, StringComparison.Ordinal);
        using var response = await client.SubmitAsync($"/admin/institutions/{institution.Id}/edit", new Dictionary<string, string>
        {
            ["Input.Slug"] = "new-place",
            ["Input.Name"] = "New Place",
            ["Input.HostNames"] = "new.place.example",
            ["Input.TimeZoneId"] = "America/Montevideo",
            ["Input.DefaultCulture"] = "es",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await FindAsync("new-place");
        Assert.NotNull(saved);
        Assert.Equal(institution.Id, saved.Id);
        Assert.Equal(("New Place", "America/Montevideo", "es"), (saved.Name, saved.TimeZoneId, saved.DefaultCulture));
        Assert.Equal(["new.place.example"], saved.HostNames);

        var anonymous = factory.CreateBrowserLikeClient();
        using var oldAddress = await anonymous.GetAsync("/old-place");
        Assert.Equal(HttpStatusCode.NotFound, oldAddress.StatusCode);
        Assert.Equal("New Place", (await anonymous.GetDocumentAsync("/new-place")).QuerySelector("h1")!.TextContent.Trim());
        var byHost = factory.CreateBrowserLikeClient();
        byHost.DefaultRequestHeaders.Host = "new.place.example";
        Assert.Equal("New Place", (await byHost.GetDocumentAsync("/")).QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Saving_an_unchanged_institution_does_not_collide_with_itself()
    {
        var institution = await factory.InstitutionAsync("steady", "Steady", "steady.example");
        var client = await factory.PlatformAdminClientAsync();

        using var response = await client.SubmitAsync($"/admin/institutions/{institution.Id}/edit", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await FindAsync("steady");
        Assert.Equal(["steady.example"], saved!.HostNames);
        Assert.Equal("Europe/Helsinki", saved.TimeZoneId);
    }

    [Fact]
    public async Task An_invalid_edit_changes_nothing()
    {
        var institution = await factory.InstitutionAsync("keep-me", "Keep Me", "keep.example");
        var client = await factory.PlatformAdminClientAsync();

        using var response = await client.SubmitAsync($"/admin/institutions/{institution.Id}/edit", new Dictionary<string, string>
        {
            ["Input.Slug"] = "uni-a",
            ["Input.Name"] = "Renamed",
            ["Input.HostNames"] = "learn.uni-a.example",
            ["Input.TimeZoneId"] = "Nowhere/Special",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("already uses", page.ErrorFor("Input.Slug"), StringComparison.Ordinal);
        Assert.Contains("University A", page.ErrorFor("Input.HostNames"), StringComparison.Ordinal);
        Assert.Equal("Choose a time zone from the list.", page.ErrorFor("Input.TimeZoneId"));
        var saved = await FindAsync("keep-me");
        Assert.Equal(("Keep Me", "Europe/Helsinki"), (saved!.Name, saved.TimeZoneId));
        Assert.Equal(["keep.example"], saved.HostNames);
    }

    [Fact]
    public async Task Editing_an_institution_that_does_not_exist_is_404()
    {
        var client = await factory.PlatformAdminClientAsync();

        using var response = await client.GetAsync($"/admin/institutions/{Guid.NewGuid()}/edit");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private Task<Institution?> FindAsync(string slug) =>
        factory.WithServicesAsync(s => s.GetRequiredService<PlatformDbContext>().Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Slug == slug));

    private Task<int> CountAsync() =>
        factory.WithServicesAsync(s => s.GetRequiredService<PlatformDbContext>().Institutions.CountAsync());
}
