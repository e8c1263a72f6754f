using System.Net;
using AngleSharp.Html.Dom;
using CoSie.Platform.IntegrationTests.Discussions;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.IntegrationTests.Moderation;

// Drives the moderation pages as a moderator's browser would, and reads what they left behind.
public static class Moderating
{
    public static string ModerateUrl(this DiscussionFactory factory, Cohort cohort, Guid reflectionId, Guid postId) =>
        factory.Url($"/cohorts/{cohort.Id}/reflections/{reflectionId}/posts/{postId}/moderate");

    public static Task<HttpResponseMessage> ModerateAsync(
        this DiscussionFactory factory, HttpClient client, Cohort cohort, Guid reflectionId, Guid postId, string form, Dictionary<string, string>? values = null) =>
        client.SubmitAsync(factory.ModerateUrl(cohort, reflectionId, postId), values ?? [], form);

    // A POST with a valid antiforgery token of this person (taken from the sign-out form every page carries), to a
    // page whose own form they may not even be shown.
    public static async Task<HttpResponseMessage> PostAsPersonAsync(this HttpClient client, string url, Dictionary<string, string> values, string tokenPage)
    {
        using var page = await client.GetAsync(tokenPage);
        var document = await page.ParseAsync();
        var form = document.QuerySelectorAll("form[method=post]").OfType<IHtmlFormElement>()
            .First(f => f.QuerySelector("input[name=__RequestVerificationToken]") is not null);
        var token = ((IHtmlInputElement)form.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
        values["__RequestVerificationToken"] = token;
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(url, content);
    }

    public static async Task<PlatformUser> AdminAsync(this DiscussionFactory factory, string email) =>
        await factory.MemberAsync(factory.A, email, InstitutionRole.Admin);

    public static Task<List<ModerationAction>> AuditAsync(this DiscussionFactory factory, Guid cohortId) =>
        factory.QueryAsync(db => db.ModerationActions.AsNoTracking().Where(a => a.CohortId == cohortId).OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync());

    public static Task<Reply> ReplyRowAsync(this DiscussionFactory factory, Guid id) =>
        factory.QueryAsync(db => db.Replies.AsNoTracking().SingleAsync(r => r.Id == id));

    public static Task<Reflection> ReflectionRowAsync(this DiscussionFactory factory, Guid id) =>
        factory.QueryAsync(db => db.Reflections.AsNoTracking().SingleAsync(r => r.Id == id));

    public static void AssertRedirect(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect, got {(int)response.StatusCode}.");
}
