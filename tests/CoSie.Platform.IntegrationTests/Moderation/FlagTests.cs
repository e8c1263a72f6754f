using System.Net;
using CoSie.Platform.IntegrationTests.Discussions;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.IntegrationTests.Moderation;

public sealed class FlagTests(DiscussionFactory factory) : IClassFixture<DiscussionFactory>
{
    private string FlagUrl(Cohort cohort, Guid reflectionId, Guid postId) => factory.ThreadUrl(cohort, reflectionId) + $"/posts/{postId}/flag";

    private async Task<HttpResponseMessage> FlagAsync(HttpClient client, Cohort cohort, Guid reflectionId, Guid postId, string reason = "Spam", string note = "") =>
        await client.SubmitAsync(FlagUrl(cohort, reflectionId, postId), new Dictionary<string, string> { ["Input.Reason"] = reason, ["Input.Note"] = note }, "#flag-form");

    private async Task<(Cohort, Guid ReflectionId, Guid ReplyId)> ThreadAsync(string name)
    {
        var cohort = await factory.OpenCohortAsync(name);
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, $"{name} Author"));
        var reflectionId = await factory.WriteReflectionAsync(author, cohort, "Reflect.");
        var replyId = await factory.ReplyAsync(author, cohort, reflectionId, "Dubious reply.");
        return (cohort, reflectionId, replyId);
    }

    private Task<int> OpenFlagsAsync(Guid postId) => factory.QueryAsync(db => db.Flags.CountAsync(f => f.PostId == postId && f.ResolvedAt == null));

    [Fact]
    public async Task A_member_flags_a_post_once()
    {
        var (cohort, reflectionId, replyId) = await ThreadAsync("Once");
        var flagger = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Flora Flagger"));

        using var first = await FlagAsync(flagger, cohort, reflectionId, replyId);
        using var second = await FlagAsync(flagger, cohort, reflectionId, replyId, "Harassment");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(1, await OpenFlagsAsync(replyId));
    }

    [Fact]
    public async Task Moderators_see_a_flagged_post_marked_on_the_thread_and_learners_do_not()
    {
        var (cohort, reflectionId, replyId) = await ThreadAsync("Marked");
        var flagger = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Mara Marker"));
        using var _ = await FlagAsync(flagger, cohort, reflectionId, replyId);
        var moderator = await factory.CreateClientAsAsync(factory.Instructor);

        var asModerator = await moderator.GetDocumentAsync(factory.ThreadUrl(cohort, reflectionId));
        var asLearner = await flagger.GetDocumentAsync(factory.ThreadUrl(cohort, reflectionId));

        var mark = asModerator.QuerySelector($"#post-{replyId} .flag-mark");
        Assert.NotNull(mark);
        Assert.Equal("1 open flag", mark.TextContent);
        Assert.EndsWith($"/posts/{replyId}/moderate", mark.GetAttribute("href"));
        Assert.Null(asModerator.QuerySelector($"#post-{reflectionId} .flag-mark"));
        Assert.Null(asLearner.QuerySelector(".flag-mark"));
    }

    [Fact]
    public async Task Other_needs_a_note()
    {
        var (cohort, reflectionId, replyId) = await ThreadAsync("Other");
        var flagger = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Otto Other"));

        using var response = await FlagAsync(flagger, cohort, reflectionId, replyId, "Other");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await OpenFlagsAsync(replyId));
    }

    [Fact]
    public async Task Three_different_flaggers_hide_a_post_until_review_and_dismissing_brings_it_back()
    {
        var (cohort, reflectionId, replyId) = await ThreadAsync("Threshold");
        for (var i = 0; i < 2; i++)
        {
            using var _ = await FlagAsync(await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, $"Flagger {i}")), cohort, reflectionId, replyId);
        }
        var afterTwo = (await factory.ReplyRowAsync(replyId)).Status;
        using var third = await FlagAsync(await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Flagger 3")), cohort, reflectionId, replyId);
        var afterThree = (await factory.ReplyRowAsync(replyId)).Status;
        var moderator = await factory.CreateClientAsAsync(factory.Instructor);
        var queue = await moderator.GetDocumentAsync(factory.Url($"/cohorts/{cohort.Id}/moderation"));

        using var dismissed = await moderator.PostFormAsync(factory.Url($"/cohorts/{cohort.Id}/moderation"),
            (AngleSharp.Html.Dom.IHtmlFormElement)queue.QuerySelector($"[data-post-id='{replyId}'] form[action*=Dismiss]")!, new Dictionary<string, string>());

        Assert.Equal(PostStatus.Visible, afterTwo);
        Assert.Equal(PostStatus.HiddenByModerator, afterThree);
        Assert.Equal("1", queue.QuerySelector("#flagged .queue-count")!.TextContent);
        Assert.Equal(3, queue.QuerySelectorAll($"[data-post-id='{replyId}'] .flag-list li").Length);
        Assert.Equal(HttpStatusCode.Redirect, dismissed.StatusCode);
        Assert.Equal(PostStatus.Visible, (await factory.ReplyRowAsync(replyId)).Status);
        Assert.Equal(0, await OpenFlagsAsync(replyId));
        var actions = await factory.AuditAsync(cohort.Id);
        Assert.Equal([ModerationActionKind.AutoHide, ModerationActionKind.DismissFlags], actions.Select(a => a.Kind));
        Assert.Null(actions[0].ModeratorId);
    }

    [Fact]
    public async Task The_institution_threshold_is_respected_and_hiding_from_the_queue_resolves_the_flags()
    {
        var (cohort, reflectionId, replyId) = await ThreadAsync("Setting");
        var admin = await factory.CreateClientAsAsync(await factory.AdminAsync("threshold-admin@a.test"));
        using var saved = await admin.SubmitAsync(factory.Url("/moderation/settings"), new Dictionary<string, string> { ["FlagThreshold"] = "5" }, "#moderation-settings-form");
        for (var i = 0; i < 3; i++)
        {
            using var _ = await FlagAsync(await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, $"Setting flagger {i}")), cohort, reflectionId, replyId);
        }
        var afterThree = (await factory.ReplyRowAsync(replyId)).Status;
        var queue = await admin.GetDocumentAsync(factory.Url("/moderation"));

        using var hidden = await admin.PostFormAsync(factory.Url("/moderation"),
            (AngleSharp.Html.Dom.IHtmlFormElement)queue.QuerySelector($"[data-post-id='{replyId}'] form[action*='handler=Hide']")!,
            new Dictionary<string, string> { ["reason"] = "Confirmed spam." });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(PostStatus.Visible, afterThree);
        Assert.Equal(HttpStatusCode.Redirect, hidden.StatusCode);
        Assert.Equal(PostStatus.HiddenByModerator, (await factory.ReplyRowAsync(replyId)).Status);
        Assert.Equal(0, await OpenFlagsAsync(replyId));
        Assert.True(await factory.QueryAsync(db => db.Flags.Where(f => f.PostId == replyId).AllAsync(f => f.Outcome == FlagOutcome.Hidden)));
        await factory.QueryAsync(db => db.Institutions.Where(i => i.Id == factory.A.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.FlagThreshold, 3)));
    }
}
