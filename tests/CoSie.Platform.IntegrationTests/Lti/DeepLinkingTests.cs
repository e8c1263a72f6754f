using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.IntegrationTests.Infrastructure.Oidc;
using CoSie.Platform.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.IntegrationTests.Lti;

// LTI Deep Linking 2.0 from the simulated LMS: an instructor's deep linking request opens the picker, the choice goes
// back to the LMS as a response signed with the tool's key, and the link the LMS makes of it launches into the choice.
public sealed class DeepLinkingTests(SsoFactory factory) : IClassFixture<SsoFactory>, IAsyncLifetime
{
    private LtiPlatformSimulator _lms = null!;
    private Institution _institution = null!;
    private CourseModule _module = null!;

    public async Task InitializeAsync()
    {
        _lms = await LtiPlatformSimulator.StartAsync();
        _institution = await factory.InstitutionAsync("dl-" + Guid.NewGuid().ToString("N")[..8], "Deep Uni");
        await _lms.RegisterAsync(factory, _institution);
        var course = await factory.CourseAsync(_institution, "ethics", "Ethics");
        _module = await factory.ModuleAsync(_institution, course, "week-1", "Week 1", ["What is a good life?"]);
    }

    public async Task DisposeAsync() => await _lms.DisposeAsync();

    private DateTimeOffset Now => factory.Clock.GetUtcNow();

    private LaunchPerson Person(string name, string role, Dictionary<string, object>? custom = null) => new(
        "sub-" + name, name, $"{name}.{_institution.Slug}@lms.example.org", [role], "context-1", custom ?? []);

    private Task<int> KeptRequestsAsync() => factory.InInstitutionAsync(_institution.Id, (_, db) => db.LtiDeepLinkingRequests.CountAsync());

    [Fact]
    public async Task An_instructor_picks_a_prompt_the_lms_gets_a_signed_link_and_that_link_lands_at_the_prompt()
    {
        var prompt = await factory.InInstitutionAsync(_institution.Id, (_, db) => db.ReflectionPrompts.AsNoTracking().SingleAsync(p => p.ModuleId == _module.Id));
        var browser = factory.CreateBrowserLikeClient();

        using var launched = await _lms.DeepLinkAsync(browser, _institution.Slug, Person("grace", LtiPlatformSimulator.Instructor), Now);
        Assert.Equal(HttpStatusCode.Redirect, launched.StatusCode);
        var pickerUrl = launched.Headers.Location!.OriginalString;
        Assert.StartsWith($"/{_institution.Slug}/lti/deep-linking/", pickerUrl, StringComparison.Ordinal);

        using var picker = await browser.GetAsync(pickerUrl);
        Assert.Equal(HttpStatusCode.OK, picker.StatusCode);
        var page = await picker.ParseAsync();
        var choices = page.QuerySelectorAll("#deep-linking-picker input[name=choice]").ToList();
        Assert.All(choices, c => Assert.Equal("radio", c.GetAttribute("type")));
        Assert.Contains(choices, c => c.GetAttribute("value") == "module:" + _module.Id);
        Assert.Contains(choices, c => c.GetAttribute("value") == "prompt:" + prompt.Id);
        Assert.Contains("frame-ancestors " + _lms.Issuer, picker.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        using var chosen = await browser.PostAsync(pickerUrl, new FormUrlEncodedContent(new Dictionary<string, string> { ["choice"] = "prompt:" + prompt.Id }));
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        var answerPage = await chosen.ParseAsync();
        var form = answerPage.QuerySelector("form#deep-linking-answer")!;
        Assert.Equal(_lms.DeepLinkReturnUrl, form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector("button[type=submit]"));
        Assert.Contains($"form-action 'self' {_lms.Issuer}", chosen.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(0, await KeptRequestsAsync());

        // The LMS fetched the tool's keys from its keyset URL; the browser posts the answer to the LMS.
        _lms.ToolKeySetJson = await browser.GetStringAsync($"/{_institution.Slug}/lti/jwks");
        using var lmsClient = new HttpClient();
        using var received = await lmsClient.PostAsync(_lms.DeepLinkReturnUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["JWT"] = form.QuerySelector("input[name=JWT]")!.GetAttribute("value")!,
        }));
        Assert.Equal(HttpStatusCode.OK, received.StatusCode);
        var answer = Assert.Single(_lms.DeepLinkingAnswers);
        Assert.Null(answer.Error);
        var item = Assert.Single(answer.ContentItems);
        Assert.Equal("ltiResourceLink", item.GetProperty("type").GetString());
        Assert.Equal("What is a good life?", item.GetProperty("title").GetString());
        Assert.Equal($"http://localhost/{_institution.Slug}/lti/launch", item.GetProperty("url").GetString());
        var custom = item.GetProperty("custom").EnumerateObject().ToDictionary(p => p.Name, p => (object)p.Value.GetString()!);
        Assert.Equal(new Dictionary<string, object> { ["course"] = "ethics", ["module"] = "week-1", ["prompt"] = prompt.Id.ToString() }, custom);

        // The link the LMS made, launched by a learner of the LMS course.
        var learner = factory.CreateBrowserLikeClient();
        using var linked = await _lms.LaunchAsync(learner, _institution.Slug, Person("ada", LtiPlatformSimulator.Learner, custom), Now);
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        var cohortId = await factory.InInstitutionAsync(_institution.Id, (_, db) => db.LtiContexts.AsNoTracking().Select(c => c.CohortId).SingleAsync());
        Assert.Equal($"/{_institution.Slug}/cohorts/{cohortId}/prompts/{prompt.Id}", linked.Headers.Location!.OriginalString);
    }

    // One deep linking answer to the LMS: launch, pick the module, and post the signed answer to the return URL.
    private async Task<DeepLinkingAnswer> AnswerAsync(HttpClient lmsClient, bool lineItems = false, params string[] choices)
    {
        var browser = factory.CreateBrowserLikeClient();
        using var launched = await _lms.DeepLinkAsync(browser, _institution.Slug, Person("grace", LtiPlatformSimulator.Instructor), Now,
            acceptMultiple: true, lineItems: lineItems);
        var pickerUrl = launched.Headers.Location!.OriginalString;
        using var chosen = await browser.PostAsync(pickerUrl, new FormUrlEncodedContent(
            (choices.Length == 0 ? new[] { "module:" + _module.Id } : choices).Select(c => new KeyValuePair<string, string>("choice", c))));
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        var jwt = (await chosen.ParseAsync()).QuerySelector("form#deep-linking-answer input[name=JWT]")!.GetAttribute("value")!;
        _lms.ToolKeySetJson ??= await browser.GetStringAsync($"/{_institution.Slug}/lti/jwks");
        using var received = await lmsClient.PostAsync(_lms.DeepLinkReturnUrl, new FormUrlEncodedContent(new Dictionary<string, string> { ["JWT"] = jwt }));
        Assert.Equal(HttpStatusCode.OK, received.StatusCode);
        return _lms.DeepLinkingAnswers[^1];
    }

    [Fact]
    public async Task Two_answers_in_a_row_are_both_signed_with_the_current_key_and_accepted_by_the_lms()
    {
        using var lmsClient = new HttpClient();

        var first = await AnswerAsync(lmsClient);
        var second = await AnswerAsync(lmsClient);

        Assert.Equal(2, _lms.DeepLinkingAnswers.Count);
        Assert.Null(first.Error);
        Assert.Null(second.Error);
        Assert.Single(second.ContentItems);
        Assert.False(second.ContentItems[0].TryGetProperty("lineItem", out _));
    }

    [Fact]
    public async Task A_platform_that_accepts_line_items_and_offers_grades_gets_a_column_with_each_prompt_link()
    {
        var prompt = await factory.InInstitutionAsync(_institution.Id, (_, db) => db.ReflectionPrompts.AsNoTracking().SingleAsync(p => p.ModuleId == _module.Id));
        using var lmsClient = new HttpClient();

        var graded = await AnswerAsync(lmsClient, lineItems: true, "module:" + _module.Id, "prompt:" + prompt.Id);
        var plain = await AnswerAsync(lmsClient, lineItems: false, "prompt:" + prompt.Id);

        Assert.Null(graded.Error);
        var promptItem = Assert.Single(graded.ContentItems, i => i.GetProperty("custom").TryGetProperty("prompt", out _));
        var lineItem = promptItem.GetProperty("lineItem");
        Assert.Equal("What is a good life?", lineItem.GetProperty("label").GetString());
        Assert.Equal(100, lineItem.GetProperty("scoreMaximum").GetInt32());
        Assert.Equal(prompt.Id.ToString(), lineItem.GetProperty("resourceId").GetString());
        Assert.Equal("participation", lineItem.GetProperty("tag").GetString());
        // A module is graded through its prompts: its link makes no column of its own.
        Assert.False(Assert.Single(graded.ContentItems, i => !i.GetProperty("custom").TryGetProperty("prompt", out _)).TryGetProperty("lineItem", out _));
        Assert.Null(plain.Error);
        Assert.False(Assert.Single(plain.ContentItems).TryGetProperty("lineItem", out _));
    }

    [Fact]
    public async Task A_platform_that_accepts_several_items_gets_checkboxes_and_one_item_per_choice()
    {
        var prompt = await factory.InInstitutionAsync(_institution.Id, (_, db) => db.ReflectionPrompts.AsNoTracking().SingleAsync(p => p.ModuleId == _module.Id));
        var browser = factory.CreateBrowserLikeClient();
        using var launched = await _lms.DeepLinkAsync(browser, _institution.Slug, Person("grace", LtiPlatformSimulator.Instructor), Now, acceptMultiple: true);
        var pickerUrl = launched.Headers.Location!.OriginalString;
        var page = await (await browser.GetAsync(pickerUrl)).ParseAsync();
        Assert.All(page.QuerySelectorAll("#deep-linking-picker input[name=choice]"), c => Assert.Equal("checkbox", c.GetAttribute("type")));

        using var chosen = await browser.PostAsync(pickerUrl, new FormUrlEncodedContent(
            [new("choice", "module:" + _module.Id), new("choice", "prompt:" + prompt.Id)]));

        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        Assert.NotNull((await chosen.ParseAsync()).QuerySelector("form#deep-linking-answer input[name=JWT]"));
    }

    [Fact]
    public async Task A_learner_cannot_pick_links_and_nothing_is_kept()
    {
        using var refused = await _lms.DeepLinkAsync(factory.CreateBrowserLikeClient(), _institution.Slug, Person("ada", LtiPlatformSimulator.Learner), Now);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Only instructors choose", (await refused.ParseAsync()).QuerySelector("#lti-refusal")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await KeptRequestsAsync());
    }

    [Fact]
    public async Task A_platform_that_does_not_accept_resource_links_is_refused()
    {
        using var refused = await _lms.DeepLinkAsync(factory.CreateBrowserLikeClient(), _institution.Slug,
            Person("grace", LtiPlatformSimulator.Instructor), Now, acceptTypes: ["file", "html"]);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("does not offer", (await refused.ParseAsync()).QuerySelector("#lti-refusal")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await KeptRequestsAsync());
    }

    [Fact]
    public async Task A_tampered_or_used_picker_id_and_a_choice_not_on_offer_are_refused()
    {
        var browser = factory.CreateBrowserLikeClient();
        using var launched = await _lms.DeepLinkAsync(browser, _institution.Slug, Person("grace", LtiPlatformSimulator.Instructor), Now);
        var pickerUrl = launched.Headers.Location!.OriginalString;
        var choice = new Dictionary<string, string> { ["choice"] = "module:" + _module.Id };

        using var tampered = await browser.PostAsync(pickerUrl[..^1] + (pickerUrl[^1] == '0' ? '1' : '0'), new FormUrlEncodedContent(choice));
        Assert.Equal(HttpStatusCode.NotFound, tampered.StatusCode);
        Assert.Contains("made already or took too long", (await tampered.ParseAsync()).QuerySelector("#lti-refusal")!.TextContent, StringComparison.Ordinal);

        using var notOffered = await browser.PostAsync(pickerUrl, new FormUrlEncodedContent(new Dictionary<string, string> { ["choice"] = "module:" + Guid.NewGuid() }));
        Assert.Equal(HttpStatusCode.BadRequest, notOffered.StatusCode);
        Assert.NotNull((await notOffered.ParseAsync()).QuerySelector(".error-summary li"));
        Assert.Equal(1, await KeptRequestsAsync());

        using var first = await browser.PostAsync(pickerUrl, new FormUrlEncodedContent(choice));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var again = await browser.PostAsync(pickerUrl, new FormUrlEncodedContent(choice));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task The_picker_of_one_institution_is_not_found_at_another()
    {
        var other = await factory.InstitutionAsync("dl-" + Guid.NewGuid().ToString("N")[..8], "Other Uni");
        var browser = factory.CreateBrowserLikeClient();
        using var launched = await _lms.DeepLinkAsync(browser, _institution.Slug, Person("grace", LtiPlatformSimulator.Instructor), Now);
        var token = launched.Headers.Location!.OriginalString.Split('/')[^1];

        using var elsewhere = await browser.GetAsync($"/{other.Slug}/lti/deep-linking/{token}");

        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }
}
