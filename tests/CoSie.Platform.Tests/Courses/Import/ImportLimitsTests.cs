using System.Text;
using CoSie.Platform.Web.Features.Courses;
using CoSie.Platform.Web.Features.Courses.Import;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CoSie.Platform.Tests.Courses.Import;

// The bounds are checked by the refusal each hostile file gets, which names the limit: the cleaning whose cost grows
// faster than the input never starts for them.
public sealed class ImportLimitsTests
{
    private readonly ModuleImporter importer = Importers.Create();

    public static TheoryData<string, string, byte[], string> Hostile() => HostileImports.Refused();

    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_hostile_file_is_refused_with_the_limit_it_hit_and_where(string name, string fileName, byte[] content, string expected)
    {
        var result = importer.Parse(fileName, content);

        Assert.False(result.Succeeded, name);
        Assert.Empty(result.Modules);
        Assert.Contains(expected, result.Error.Message, StringComparison.Ordinal);
        Assert.Contains("limit", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_too_deep_page_names_the_tag_and_its_line_in_the_content()
    {
        var html = "<p>Intro</p>\n<p>More</p>\n" + HostileImports.Repeat("<div>", 100);

        var message = importer.Parse("page.json", WordPressJson.Page("Deep", html)).Error!.Message;

        Assert.Equal(
            "Page #1 of 1 nests its elements more than 64 deep (a <div> on line 3, column 321 of its content, at “<div><div><div><div><div><div><div><div><div><div><div><div>…”); the limit is 64.",
            message);
    }

    [Fact]
    public void The_page_past_the_element_limit_is_named_in_a_collection()
    {
        var pages = Enumerable.Range(1, 30).Select(i => WordPressJson.PageObject($"P{i}", HostileImports.Repeat("<p>x</p>", 400), $"p{i}", id: i)).ToArray();

        var message = importer.Parse("pages.json", WordPressJson.Collection(pages)).Error!.Message;

        Assert.StartsWith("The file has more than 10,000 HTML elements, the limit for one file; Page #26 of 30 goes past it", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_just_within_the_limit_is_imported()
    {
        var html = HostileImports.Repeat("<div>", 63) + "<p>Still readable.</p>";

        var result = importer.Parse("page.json", WordPressJson.Page("Nested", html));

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Contains("Still readable.", result.Modules[0].BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_lists_and_paragraphs_without_end_tags_are_not_mistaken_for_nesting()
    {
        var html = "<ul>" + HostileImports.Repeat("<li>item", 200) + "</ul>" + HostileImports.Repeat("<p>para", 200)
            + "<ol>" + HostileImports.Repeat("<li><p><strong>bold</strong> item", 200) + "</ol>"
            + "<dl>" + HostileImports.Repeat("<dt>term<dd><p>meaning", 200) + "</dl>"
            + "<table>" + HostileImports.Repeat("<tr><td>a<td><em>b</em>", 200) + "</table>";
        // Only nesting is in question here; cleaning a few thousand elements may outlast the default time limit on a busy machine.
        var patient = Importers.Create(new ImportLimits { TimeoutSeconds = 300 });

        var result = patient.Parse("page.json", WordPressJson.Page("Flat", html));

        Assert.True(result.Succeeded, result.Error?.Message);
    }

    [Fact]
    public void Configured_limits_apply()
    {
        var strict = Importers.Create(new ImportLimits { MaxDepth = 8, MaxElements = 100 });
        var nested = WordPressJson.Page("Nested", HostileImports.Repeat("<div>", 9) + "x");
        var many = WordPressJson.Page("Many", HostileImports.Repeat("<p>x</p>", 101));

        Assert.True(importer.Parse("page.json", nested).Succeeded);
        Assert.Contains("more than 8 deep", strict.Parse("page.json", nested).Error!.Message, StringComparison.Ordinal);
        Assert.Contains("more than 100 HTML elements", strict.Parse("page.json", many).Error!.Message, StringComparison.Ordinal);
        Assert.Contains("the limit is 8", strict.Parse("page.json", Encoding.UTF8.GetBytes(HostileImports.Repeat("[", 9) + HostileImports.Repeat("]", 9))).Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_outlasts_the_time_limit_is_refused_and_says_where_it_stopped()
    {
        // Every look at the clock moves it on by more than the whole limit, so the first check between stages is late.
        var clock = new FakeTimeProvider { AutoAdvanceAmount = TimeSpan.FromSeconds(5) };
        var slow = Importers.Create(new ImportLimits { TimeoutSeconds = 2 }, clock);

        var result = slow.Parse("page.json", WordPressJson.Page("A page", "<p>Fine content.</p>"));

        Assert.False(result.Succeeded);
        Assert.Equal(
            "Reading the file took longer than 2 seconds, the limit for one file; it stopped at Page #1 of 1. Split the file into smaller ones.",
            result.Error.Message);
    }

    [Fact]
    public void A_file_within_the_time_limit_is_imported_on_a_clock_that_stands_still()
    {
        var clock = new FakeTimeProvider();
        var timed = Importers.Create(new ImportLimits { TimeoutSeconds = 1 }, clock);

        Assert.True(timed.Parse("page.json", WordPressJson.Page("A page", "<p>Fine content.</p>")).Succeeded);
    }

    [Theory]
    [InlineData("MaxDepth", "0")]
    [InlineData("MaxElements", "10")]
    [InlineData("TimeoutSeconds", "0")]
    [InlineData("MaxFileBytes", "10485760")]
    public void Limits_out_of_range_in_configuration_stop_the_app_from_starting(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new($"Import:{key}", value)]).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddCourses().BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ImportLimits>>().Value);

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Limits_come_from_the_import_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Import:MaxDepth", "40"), new("Import:TimeoutSeconds", "5")]).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddCourses().BuildServiceProvider();

        var limits = services.GetRequiredService<IOptions<ImportLimits>>().Value;

        Assert.Equal((40, 5, 10_000), (limits.MaxDepth, limits.TimeoutSeconds, limits.MaxElements));
    }
}
