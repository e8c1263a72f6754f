using System.Text.RegularExpressions;
using CoSie.Platform.IntegrationTests.Cohorts;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Data;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.IntegrationTests.Discussions;

// Cohorts of a course with a published module of three prompts, and the SQL command counter.
public partial class DiscussionFactory : CohortFactory
{
    public CommandCounter Commands { get; } = new();
    public CourseModule Module { get; private set; } = null!;
    public IReadOnlyList<ReflectionPrompt> Prompts { get; private set; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Module = await InInstitutionAsync(A.Id, async (_, db) =>
        {
            var module = new CourseModule
            {
                CourseId = Course.Id,
                Slug = "spreading",
                Title = "Spreading co-creation",
                Status = ModuleStatus.Published,
                BodyHtml = "<p>Read this.</p>",
                CreatedAt = Clock.GetUtcNow(),
                UpdatedAt = Clock.GetUtcNow(),
            };
            module.Prompts.Add(new ReflectionPrompt { Position = 0, Text = "What made co-creation spread in your pilot?" });
            module.Prompts.Add(new ReflectionPrompt { Position = 1, Text = "Who was left out, and why?" });
            module.Prompts.Add(new ReflectionPrompt { Position = 2, Text = "What would you do differently?" });
            db.Modules.Add(module);
            await db.SaveChangesAsync();
            return module;
        });
        Prompts = [.. Module.Prompts.OrderBy(p => p.Position)];
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.ConfigureDbContext<PlatformDbContext>(o => o.AddInterceptors(Commands)));
    }

    public string PromptUrl(Cohort cohort, int prompt = 0) => Url($"/cohorts/{cohort.Id}/prompts/{Prompts[prompt].Id}");

    public string ThreadUrl(Cohort cohort, Guid reflectionId) => Url($"/cohorts/{cohort.Id}/reflections/{reflectionId}");

    public async Task<Cohort> OpenCohortAsync(string name, Action<Cohort>? configure = null)
    {
        var cohort = await CohortAsync(name);
        return await UpdateCohortAsync(cohort, c =>
        {
            c.PostFirst = false;
            configure?.Invoke(c);
        });
    }

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
        return PostIdOf(response);
    }

    public async Task<Guid> ReplyAsync(HttpClient client, Cohort cohort, Guid reflectionId, string body, Guid? parentId = null)
    {
        using var response = await PostReplyAsync(client, cohort, reflectionId, body, parentId);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
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

    // A thread seeded in bulk as a deep and wide tree: every third reply answers the one before it. Returns the
    // reflection and its replies' ids in tree order (by path), as the thread page lists them.
    public async Task<(Guid ReflectionId, IReadOnlyList<Guid> Replies)> SeededThreadAsync(Cohort cohort, int replies, Guid? authorId = null)
    {
        var author = authorId ?? (await LearnerAsync(cohort, $"Author of {replies} {Guid.NewGuid():N}")).Id;
        return await QueryAsync(async db =>
        {
            var now = Clock.GetUtcNow();
            var reflection = new Reflection { CohortId = cohort.Id, PromptId = Prompts[0].Id, AuthorId = author, BodySource = "Root", BodyHtml = "<p>Root</p>", CreatedAt = now, LastActivityAt = now };
            db.Reflections.Add(reflection);
            var added = new List<Reply>(replies);
            Reply? previous = null;
            for (var i = 0; i < replies; i++)
            {
                var parent = i % 3 == 2 ? previous : null;
                var reply = reflection.AddReply(parent, author, $"Reply {i}", $"<p>Reply {i}</p>", now);
                db.Replies.Add(reply);
                db.ThreadEvents.Add(reflection.Record(ThreadEventKind.ReplyPosted, reply.Id, now));
                added.Add(reply);
                previous = reply;
            }
            await db.SaveChangesAsync();
            return (reflection.Id, (IReadOnlyList<Guid>)[.. added.OrderBy(r => r.Path, StringComparer.Ordinal).Select(r => r.Id)]);
        });
    }

    public async Task<PlatformUser> LearnerAsync(Cohort cohort, string name) => await PersonInCohortAsync(cohort, CohortRole.Learner, name);

    public Task<T> QueryAsync<T>(Func<PlatformDbContext, Task<T>> query) => InInstitutionAsync(A.Id, (_, db) => query(db));

    [GeneratedRegex("#post-([0-9a-f-]{36})")]
    private static partial Regex PostAnchor();
}
