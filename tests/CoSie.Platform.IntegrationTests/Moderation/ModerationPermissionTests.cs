using System.Net;
using CoSie.Platform.IntegrationTests.Discussions;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.IntegrationTests.Moderation;

public sealed class ModerationPermissionTests(DiscussionFactory factory) : IClassFixture<DiscussionFactory>
{
    [Fact]
    public async Task Learners_instructors_of_other_cohorts_and_other_institutions_cannot_moderate_and_change_nothing()
    {
        var cohort = await factory.OpenCohortAsync("Guarded");
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Gunnar Guarded"));
        var reflectionId = await factory.WriteReflectionAsync(author, cohort, "Guard me.");
        var replyId = await factory.ReplyAsync(author, cohort, reflectionId, "And me.");
        var learnerUser = await factory.LearnerAsync(cohort, "Lotta Learner");
        var otherInstructor = await factory.MemberAsync(factory.A, "other-instructor@a.test", InstitutionRole.Instructor);
        await factory.CohortAsync("Guarded, other cohort", otherInstructor);
        var foreignAdmin = await factory.MemberAsync(factory.B, "foreign-admin@b.test", InstitutionRole.Admin);
        var thread = factory.ThreadUrl(cohort, reflectionId);
        var moderate = factory.ModerateUrl(cohort, reflectionId, replyId);
        var queue = factory.Url($"/cohorts/{cohort.Id}/moderation");
        var suspensions = factory.Url($"/cohorts/{cohort.Id}/moderation/suspensions");
        string[] pages = [moderate, queue, suspensions, factory.Url("/moderation"), factory.Url("/moderation/settings"), factory.Url($"/moderation/audit?cohort={cohort.Id}")];
        (string Url, Dictionary<string, string> Values)[] posts =
        [
            (moderate + "?handler=Hide", new() { ["Input.Reason"] = "x" }),
            (factory.ModerateUrl(cohort, reflectionId, reflectionId) + "?handler=Lock", new() { ["Input.Reason"] = "x" }),
            (factory.ModerateUrl(cohort, reflectionId, reflectionId) + "?handler=Pin", new()),
            (moderate + "?handler=Edit", new() { ["Input.Body"] = "Rewritten." }),
            (moderate + "?handler=Purge", new() { ["Input.Reason"] = "x", ["Input.Confirm"] = "true" }),
            (queue + $"?handler=Approval", new() { ["Approval.RequireApproval"] = "true" }),
            (suspensions, new() { ["Input.UserId"] = learnerUser.Id.ToString(), ["Input.Until"] = "2030-01-01T00:00", ["Input.Reason"] = "x" }),
            (factory.Url("/moderation/settings"), new() { ["FlagThreshold"] = "1" }),
        ];

        foreach (var (user, tokenPage) in new[] { (learnerUser, thread), (otherInstructor, factory.Url("/cohorts")), (foreignAdmin, $"/{factory.B.Slug}/cohorts") })
        {
            var client = await factory.CreateClientAsAsync(user);
            foreach (var page in pages)
            {
                using var response = await client.GetAsync(page);
                Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{user.Email} GET {page}: {(int)response.StatusCode}");
            }
            foreach (var (url, values) in posts)
            {
                using var response = await client.PostAsPersonAsync(url, new Dictionary<string, string>(values), tokenPage);
                Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{user.Email} POST {url}: {(int)response.StatusCode}");
            }
        }

        Assert.Empty(await factory.AuditAsync(cohort.Id));
        var reply = await factory.ReplyRowAsync(replyId);
        Assert.Equal((PostStatus.Visible, "And me."), (reply.Status, reply.BodySource));
        var reflection = await factory.ReflectionRowAsync(reflectionId);
        Assert.False(reflection.IsLocked || reflection.IsPinned);
        Assert.False((await factory.FindCohortAsync(cohort.Id))!.RequireApproval);
        Assert.False(await factory.QueryAsync(db => db.CohortSuspensions.AnyAsync(s => s.CohortId == cohort.Id)));
        Assert.Equal(3, await factory.QueryAsync(db => db.Institutions.Where(i => i.Id == factory.A.Id).Select(i => i.FlagThreshold).SingleAsync()));
    }
}
