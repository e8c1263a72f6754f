using System.Text.RegularExpressions;
using CoSie.Platform.IntegrationTests.Cohorts;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Data;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.Discussions.Outbox;
using CoSie.Platform.Web.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.IntegrationTests.Discussions;

// Cohorts of a course with a published module of three prompts, and the SQL command counter.
public partial class DiscussionFactory : CohortFactory
{
    public CommandCounter Commands { get; protected init; } = new();
    public CourseModule Module { get; private set; } = null!;
    public IReadOnlyList<ReflectionPrompt> Prompts { get; private set; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Module = await this.ModuleAsync(A, Course, "spreading", "Spreading co-creation",
            ["What made co-creation spread in your pilot?", "Who was left out, and why?", "What would you do differently?"]);
        Prompts = [.. Module.Prompts.OrderBy(p => p.Position)];
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Tests here count the statements a page sends. The outbox worker's fallback poll (every few seconds) would
        // land in a counted window now and then; commits wake the worker anyway, and it polls once when it starts.
        builder.UseSetting("Discussions:OutboxPollSeconds", "3600");
        // Each response says what SQL it ran itself (Server-Timing), for counts that work finishing in the background
        // (the pushes after a post) cannot reach.
        builder.UseSetting("Diagnostics:ServerTiming", "true");
        builder.ConfigureServices(services => services.ConfigureDbContext<PlatformDbContext>(o => o.AddInterceptors(Commands)));
    }

    public string PromptUrl(Cohort cohort, int prompt = 0) => Url($"/cohorts/{cohort.Id}/prompts/{Prompts[prompt].Id}");

    public string ThreadUrl(Cohort cohort, Guid reflectionId) => Url($"/cohorts/{cohort.Id}/reflections/{reflectionId}");

    // A cohort with the instructor, post-first off (a learner may read before writing).
    public Task<Cohort> OpenCohortAsync(string name, Action<Cohort>? configure = null) =>
        Seed.CohortAsync(this, A, Course, name, Instructor, c =>
        {
            c.PostFirst = false;
            configure?.Invoke(c);
        });

    public Task<Cohort> UpdateCohortAsync(Cohort cohort, Action<Cohort> change) =>
        InInstitutionAsync(A.Id, async (_, db) =>
        {
            var tracked = await db.Cohorts.SingleAsync(c => c.Id == cohort.Id);
            change(tracked);
            await db.SaveChangesAsync();
            return tracked;
        });

    // Writes a reflection through the page, as its author would; returns its id (from the redirect).
    public async Task<Guid> WriteReflectionAsync(HttpClient client, Cohort cohort, string body, int prompt = 0)
    {
        using var response = await client.SubmitAsync(PromptUrl(cohort, prompt), new Dictionary<string, string> { ["Input.Body"] = body }, "#reflection-form");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        await OutboxDeliveredAsync();
        return PostIdOf(response);
    }

    public async Task<Guid> ReplyAsync(HttpClient client, Cohort cohort, Guid reflectionId, string body, Guid? parentId = null)
    {
        using var response = await PostReplyAsync(client, cohort, reflectionId, body, parentId);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        await OutboxDeliveredAsync();
        return PostIdOf(response);
    }

    public Task<HttpResponseMessage> PostReplyAsync(HttpClient client, Cohort cohort, Guid reflectionId, string body, Guid? parentId = null)
    {
        var page = ThreadUrl(cohort, reflectionId) + (parentId is { } p ? $"?replyTo={p}" : string.Empty);
        return client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Body"] = body }, "#reply-form");
    }

    public static Guid PostIdOf(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.ToString() ?? throw new InvalidOperationException("No redirect.");
        return Guid.Parse(PostAnchor().Match(location).Groups[1].Value);
    }

    // A thread seeded in bulk as a deep and wide tree (Seed.RepliesAsTreeAsync). Returns the reflection and its
    // replies' ids in tree order, as the thread page lists them.
    public async Task<(Guid ReflectionId, IReadOnlyList<Guid> Replies)> SeededThreadAsync(Cohort cohort, int replies, PlatformUser? author = null)
    {
        author ??= await LearnerAsync(cohort, $"Author of {replies} {Guid.NewGuid():N}");
        var reflection = await this.ReflectionAsync(A, cohort, Prompts[0], author, "Root");
        return (reflection.Id, await this.RepliesAsTreeAsync(A, reflection.Id, author, replies));
    }

    // Notifications follow a post from the discussion outbox, after its commit: this delivers every entry committed so
    // far (waiting for any the app's own worker holds), as the worker would a moment later.
    public Task OutboxDeliveredAsync(Guid? institutionId = null) =>
        Services.GetRequiredService<OutboxWorker>().DeliverAsync(institutionId ?? A.Id, waitForOthers: true, CancellationToken.None);

    public Task<PlatformUser> LearnerAsync(Cohort cohort, string name) => Seed.PersonInCohortAsync(this, A, cohort, name);

    public Task<T> QueryAsync<T>(Func<PlatformDbContext, Task<T>> query) => InInstitutionAsync(A.Id, (_, db) => query(db));

    [GeneratedRegex("#post-([0-9a-f-]{36})")]
    private static partial Regex PostAnchor();
}
