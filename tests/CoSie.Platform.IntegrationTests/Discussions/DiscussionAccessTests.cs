using System.Net;
using CoSie.Platform.IntegrationTests.Cohorts;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoSie.Platform.IntegrationTests.Discussions;

public sealed class DiscussionAccessTests(DiscussionFactory factory) : IClassFixture<DiscussionFactory>
{
    private async Task<(Cohort Cohort, Guid Reflection, Guid Reply, HttpClient Author)> ThreadAsync(string name)
    {
        var cohort = await factory.OpenCohortAsync(name);
        var author = await factory.CreateClientAsAsync(await factory.LearnerAsync(cohort, "Arja Access"));
        var reflection = await factory.WriteReflectionAsync(author, cohort, "Private to the cohort.");
        var reply = await factory.ReplyAsync(author, cohort, reflection, "A reply.");
        return (cohort, reflection, reply, author);
    }

    private List<string> Pages(Cohort cohort, Guid reflection, Guid reply) =>
    [
        factory.PromptUrl(cohort),
        factory.ThreadUrl(cohort, reflection),
        $"{factory.ThreadUrl(cohort, reflection)}?handler=Members&q=a",
        $"{factory.ThreadUrl(cohort, reflection)}?handler=Page&page=1",
        $"{factory.ThreadUrl(cohort, reflection)}?post={reply}",
        $"{factory.ThreadUrl(cohort, reflection)}/posts/{reply}/edit",
        $"{factory.ThreadUrl(cohort, reflection)}/posts/{reply}/history",
    ];

    private List<string> Posts(Cohort cohort, Guid reflection, Guid reply) =>
    [
        factory.PromptUrl(cohort),
        $"{factory.ThreadUrl(cohort, reflection)}?handler=Reply",
        $"{factory.ThreadUrl(cohort, reflection)}?handler=Helpful&postId={reflection}",
        $"{factory.ThreadUrl(cohort, reflection)}/posts/{reply}/edit",
        $"{factory.ThreadUrl(cohort, reflection)}/posts/{reply}/edit?handler=Delete",
    ];

    [Fact]
    public async Task A_member_of_another_institution_gets_404_for_every_discussion_page_and_post()
    {
        var (cohort, reflection, reply, _) = await ThreadAsync("Foreign");
        var stranger = await factory.MemberAsync(factory.B, "stranger@b.test", InstitutionRole.Admin);
        var client = await factory.CreateClientAsAsync(stranger);
        var strangerForm = await client.AnyFormAsync("/Account/Manage");

        foreach (var url in Pages(cohort, reflection, reply))
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {url} answered {(int)response.StatusCode}");
        }
        foreach (var url in Posts(cohort, reflection, reply))
        {
            Assert.Equal(HttpStatusCode.NotFound, await client.PostWithFormAsync(strangerForm, url, new Dictionary<string, string> { ["Input.Body"] = "x" }));
        }
        Assert.Equal(1, await factory.QueryAsync(db => db.Replies.CountAsync(r => r.ReflectionId == reflection)));
    }

    [Fact]
    public async Task A_member_of_another_cohort_is_refused_every_discussion_page_and_post()
    {
        var (cohort, reflection, reply, _) = await ThreadAsync("Other cohort");
        var other = await factory.OpenCohortAsync("The other one");
        var outsider = await factory.CreateClientAsAsync(await factory.LearnerAsync(other, "Otto Outsider"));
        var form = await outsider.AnyFormAsync("/Account/Manage");

        foreach (var url in Pages(cohort, reflection, reply))
        {
            using var response = await outsider.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"GET {url} answered {(int)response.StatusCode}");
        }
        foreach (var url in Posts(cohort, reflection, reply))
        {
            var status = await outsider.PostWithFormAsync(form, url, new Dictionary<string, string> { ["Input.Body"] = "x" });
            Assert.True(status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"POST {url} answered {(int)status}");
        }
        Assert.Equal(1, await factory.QueryAsync(db => db.Replies.CountAsync(r => r.ReflectionId == reflection)));
    }

    [Fact]
    public async Task A_thread_asked_for_under_another_cohorts_address_is_not_found()
    {
        var (_, reflection, _, author) = await ThreadAsync("Wrong address");
        var other = await factory.OpenCohortAsync("Wrong address, other");

        using var response = await author.GetAsync(factory.ThreadUrl(other, reflection));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
