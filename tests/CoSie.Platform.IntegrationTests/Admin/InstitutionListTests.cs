using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;

namespace CoSie.Platform.IntegrationTests.Admin;

public sealed class InstitutionListTests(InstitutionListTests.Factory factory) : IClassFixture<InstitutionListTests.Factory>
{
    public sealed class Factory : PlatformFactory
    {

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            for (var i = 1; i <= 30; i++)
            {
                await this.InstitutionAsync($"school-{i:00}", $"School {i:00}");
            }
            var busy = await this.InstitutionAsync("busy-uni", "Busy University", "learn.busy.example");
            await this.MemberAsync(busy, "ada@busy.test", InstitutionRole.Admin);
            await this.MemberAsync(busy, "ben@busy.test", InstitutionRole.Instructor);
            await this.MemberAsync(busy, "cy@busy.test", InstitutionRole.Learner);
        }
    }

    [Fact]
    public async Task The_list_shows_25_institutions_a_page_in_name_order()
    {
        var client = await factory.PlatformAdminClientAsync();

        var first = await client.GetDocumentAsync("/admin/institutions");
        var second = await client.GetDocumentAsync("/admin/institutions?page=2");

        Assert.Equal(25, Names(first).Count);
        Assert.Equal("Busy University", Names(first)[0]);
        Assert.Equal(6, Names(second).Count);
        Assert.Equal("School 30", Names(second)[^1]);
        Assert.Contains("Page 1 of 2", first.QuerySelector(".pagination")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/admin/institutions?page=2", first.QuerySelector(".pagination a[rel=next]")!.GetAttribute("href"));
        Assert.Equal("/admin/institutions", second.QuerySelector(".pagination a[rel=prev]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_page_number_past_the_end_shows_the_last_page()
    {
        var client = await factory.PlatformAdminClientAsync();

        var page = await client.GetDocumentAsync("/admin/institutions?page=99");

        Assert.Contains("Page 2 of 2", page.QuerySelector(".pagination")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_row_shows_slug_host_names_time_zone_and_member_counts_across_institutions()
    {
        var client = await factory.PlatformAdminClientAsync();

        var page = await client.GetDocumentAsync("/admin/institutions?q=busy");

        var cells = Assert.Single(page.QuerySelectorAll("tbody tr")).QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["Busy University", "busy-uni", "learn.busy.example", "Europe/Helsinki", "3", "1"], cells.Take(6));
    }

    [Theory]
    [InlineData("school 1", 10)]
    [InlineData("SCHOOL-2", 10)]
    [InlineData("school-30", 1)]
    [InlineData("%", 0)]
    public async Task Search_matches_name_or_slug_ignoring_case(string search, int expected)
    {
        var client = await factory.PlatformAdminClientAsync();

        var page = await client.GetDocumentAsync($"/admin/institutions?q={Uri.EscapeDataString(search)}");

        Assert.Equal(expected, Names(page).Count);
    }

    [Fact]
    public async Task A_search_without_results_says_so()
    {
        var client = await factory.PlatformAdminClientAsync();

        var page = await client.GetDocumentAsync("/admin/institutions?q=atlantis");

        Assert.Contains("No institution matches “atlantis”", page.QuerySelector(".empty-state")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("table"));
    }

    private static List<string> Names(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();
}
