using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.IntegrationTests.Cohorts;

public sealed class CreateCohortTests(CohortFactory factory) : IClassFixture<CohortFactory>
{
    private static Dictionary<string, string> ValidInput(string name) => new()
    {
        ["Input.Name"] = name,
        ["Input.StartsOn"] = "2026-11-09",
        ["Input.EndsOn"] = "2027-01-31",
        ["Input.EditWindowMinutes"] = "45",
        ["Input.DigestDay"] = "Friday",
        ["Input.DigestHour"] = "17",
    };

    private Task<int> CohortCountAsync() => factory.InInstitutionAsync(factory.A.Id, (_, db) => db.Cohorts.CountAsync());

    [Fact]
    public async Task An_instructor_creates_a_cohort_and_becomes_its_instructor()
    {
        var client = await factory.CreateClientAsAsync(factory.Instructor);

        var response = await client.SubmitAsync(factory.Url($"/cohorts/new?course={factory.Course.Id}"), ValidInput("Spring run"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cohort = await factory.InInstitutionAsync(factory.A.Id, (_, db) => db.Cohorts.Include(c => c.Members).SingleAsync(c => c.Name == "Spring run"));
        Assert.Equal(factory.Course.Id, cohort.CourseId);
        Assert.Equal(new DateOnly(2026, 11, 9), cohort.StartsOn);
        Assert.Equal(new DateOnly(2027, 1, 31), cohort.EndsOn);
        Assert.True(cohort.PostFirst);
        Assert.Equal(45, cohort.EditWindowMinutes);
        Assert.Equal(DayOfWeek.Friday, cohort.DigestDay);
        Assert.Equal(17, cohort.DigestHour);
        var member = Assert.Single(cohort.Members);
        Assert.Equal(factory.Instructor.Id, member.UserId);
        Assert.Equal(CohortRole.Instructor, member.Role);
        Assert.Equal(factory.Url($"/cohorts/{cohort.Id}"), response.Headers.Location?.OriginalString);

        var overview = await client.GetDocumentAsync(factory.Url($"/cohorts/{cohort.Id}"));
        Assert.Contains("Spring run", overview.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(overview.QuerySelector($"a[href='/{factory.A.Slug}/courses/co-creation']"));
        Assert.Contains($"http://localhost/{factory.A.Slug}/join/{cohort.InviteCode}",
            overview.QuerySelector("#invite-link-value")!.GetAttribute("value"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_course_is_chosen_from_the_institutions_courses_when_none_is_given()
    {
        var client = await factory.CreateClientAsAsync(factory.Instructor);
        var document = await client.GetDocumentAsync(factory.Url("/cohorts/new"));
        var options = document.QuerySelectorAll("select[name='Input.CourseId'] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(factory.Course.Id.ToString(), options);

        var input = ValidInput("Chosen from the list");
        input["Input.CourseId"] = factory.Course.Id.ToString();
        var response = await client.SubmitAsync(factory.Url("/cohorts/new"), input);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Theory]
    [InlineData("Input.Name", "")]
    [InlineData("Input.Name", "201")]
    [InlineData("Input.EndsOn", "2026-11-01")]
    [InlineData("Input.DigestHour", "24")]
    [InlineData("Input.DigestHour", "-1")]
    [InlineData("Input.EditWindowMinutes", "1441")]
    [InlineData("Input.EditWindowMinutes", "-5")]
    [InlineData("Input.StartsOn", "")]
    [InlineData("Input.CourseId", "")]
    [InlineData("Input.CourseId", "unknown")]
    public async Task Invalid_input_is_refused_with_a_message_and_creates_nothing(string field, string value)
    {
        var client = await factory.CreateClientAsAsync(factory.Instructor);
        var before = await CohortCountAsync();
        var input = ValidInput("Never saved");
        input["Input.CourseId"] = factory.Course.Id.ToString();
        input[field] = value switch
        {
            "201" => new string('x', 201),
            "unknown" => Guid.NewGuid().ToString(),
            _ => value,
        };

        var response = await client.SubmitAsync(factory.Url("/cohorts/new"), input);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ParseAsync();
        Assert.NotEmpty(document.QuerySelectorAll(".field-validation-error"));
        Assert.Equal(before, await CohortCountAsync());
    }

    [Fact]
    public async Task A_learner_cannot_create_a_cohort()
    {
        var learner = await factory.MemberAsync(factory.A, $"{Guid.NewGuid():N}@a.test", InstitutionRole.Learner);
        var client = await factory.CreateClientAsAsync(learner);
        var before = await CohortCountAsync();

        using var page = await client.GetAsync(factory.Url("/cohorts/new"));
        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
        var document = await client.GetDocumentAsync(factory.Url("/cohorts"));
        Assert.Null(document.QuerySelector("a[href$='/cohorts/new']"));
        Assert.Equal(before, await CohortCountAsync());
    }

    [Fact]
    public async Task Editing_saves_valid_settings_and_refuses_an_end_before_the_start()
    {
        var cohort = await factory.CohortAsync("To edit");
        var client = await factory.CreateClientAsAsync(factory.Instructor);
        var url = factory.Url($"/cohorts/{cohort.Id}/edit");

        var refused = await client.SubmitAsync(url, new Dictionary<string, string> { ["Input.EndsOn"] = "2026-09-01" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Null((await factory.FindCohortAsync(cohort.Id))!.EndsOn);

        var saved = await client.SubmitAsync(url, new Dictionary<string, string> { ["Input.Name"] = "Edited", ["Input.EditWindowMinutes"] = "0" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await factory.FindCohortAsync(cohort.Id);
        Assert.Equal("Edited", after!.Name);
        Assert.Equal(0, after.EditWindowMinutes);
        Assert.True(after.PostFirst);
    }

    // The institution writes dates the British way (its default culture, en-GB): the form shows them so, says so with
    // an example, and reads them so, whatever format the browser's own date picker would have used.
    [Fact]
    public async Task Dates_are_shown_and_read_in_the_institutions_format()
    {
        Assert.Equal("en-GB", factory.A.DefaultCulture);
        var cohort = await factory.CohortAsync("British dates");
        var client = await factory.CreateClientAsAsync(factory.Instructor);
        var url = factory.Url($"/cohorts/{cohort.Id}/edit");
        var starts = (await factory.FindCohortAsync(cohort.Id))!.StartsOn;

        var form = await client.GetDocumentAsync(url);
        var field = form.QuerySelector("input[name='Input.StartsOn']")!;
        Assert.Equal("text", field.GetAttribute("type"));
        Assert.Equal(starts.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), field.GetAttribute("value"));
        Assert.Matches(@"^For example 31/12/\d{4}$", form.GetElementById(field.GetAttribute("aria-describedby")!)!.TextContent.Trim());

        using var saved = await client.SubmitAsync(url, new Dictionary<string, string> { ["Input.EndsOn"] = "01/02/2099" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(new DateOnly(2099, 2, 1), (await factory.FindCohortAsync(cohort.Id))!.EndsOn);
        var again = await client.GetDocumentAsync(url);
        Assert.Equal("01/02/2099", again.QuerySelector("input[name='Input.EndsOn']")!.GetAttribute("value"));

        // The ISO form of links and older pages still reads; a day that does not exist is refused in words.
        using var iso = await client.SubmitAsync(url, new Dictionary<string, string> { ["Input.EndsOn"] = "2099-03-04" });
        Assert.Equal(new DateOnly(2099, 3, 4), (await factory.FindCohortAsync(cohort.Id))!.EndsOn);
        using var refused = await client.SubmitAsync(url, new Dictionary<string, string> { ["Input.EndsOn"] = "31/02/2099" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("31/02/2099", (await refused.ParseAsync()).QuerySelector("[data-valmsg-for='Input.EndsOn']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2099, 3, 4), (await factory.FindCohortAsync(cohort.Id))!.EndsOn);
    }

    [Fact]
    public async Task My_cohorts_lists_the_cohorts_a_person_takes_part_in_and_says_so_when_there_are_none()
    {
        var cohort = await factory.CohortAsync("Listed cohort");
        var learner = await factory.PersonInCohortAsync(cohort, CohortRole.Learner);
        var outsider = await factory.MemberAsync(factory.A, $"{Guid.NewGuid():N}@a.test", InstitutionRole.Learner);

        var mine = await (await factory.CreateClientAsAsync(learner)).GetDocumentAsync(factory.Url("/cohorts"));
        Assert.NotNull(mine.QuerySelector($"a[href='/{factory.A.Slug}/cohorts/{cohort.Id}']"));

        var none = await (await factory.CreateClientAsAsync(outsider)).GetDocumentAsync(factory.Url("/cohorts"));
        Assert.NotNull(none.QuerySelector(".empty-state"));
        Assert.Null(none.QuerySelector($"a[href='/{factory.A.Slug}/cohorts/{cohort.Id}']"));

        var running = await (await factory.CreateClientAsAsync(factory.Instructor)).GetDocumentAsync(factory.Url("/cohorts"));
        Assert.NotNull(running.QuerySelector($"a[href='/{factory.A.Slug}/cohorts/{cohort.Id}']"));
        Assert.NotNull(running.QuerySelector($"a[href='/{factory.A.Slug}/cohorts/new']"));
    }
}
