using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using AngleSharp.Html.Dom;
using CoSie.Platform.IntegrationTests.Discussions;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Data;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CoSie.Platform.IntegrationTests.Faults;

// PostgreSQL restarts while 200 people post replies. Each writer does what a person at a form does: posts, and when
// the answer is an error, sends the same form (the same submission key) again until it is taken.
public sealed class DatabaseRestartTests(RestartingDatabaseFactory factory, ITestOutputHelper output) : IClassFixture<RestartingDatabaseFactory>
{
    private const int Writers = 200;
    private const int RepliesEach = 3;
    private const int Threads = 20;
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Replies_posted_while_postgresql_restarts_are_each_stored_once_and_whole_and_readyz_goes_red_then_green()
    {
        var cohort = await factory.OpenCohortAsync("Restart");
        var people = await PeopleAsync(cohort, Threads + Writers);
        var threads = await ReflectionsAsync(cohort, people.Take(Threads).ToList());
        var clients = await Task.WhenAll(people.Skip(Threads).Select(factory.ClientAsync));
        var log = new ConcurrentQueue<Attempt>();
        var clock = Stopwatch.StartNew();
        var succeeded = 0;

        var writers = clients.Select((client, i) => Task.Run(() => WriteAsync(client, cohort, threads[i % Threads], log, clock, () => Interlocked.Increment(ref succeeded))))
            .ToList();
        using var probe = new HttpClient { BaseAddress = factory.ServerAddress };
        while (Volatile.Read(ref succeeded) < Writers / 2)
        {
            Assert.False(writers.All(w => w.IsCompleted), "The writers finished before PostgreSQL could be restarted under them.");
            await Task.Delay(20);
        }
        await factory.Postgres.StopAsync();
        var stoppedAt = clock.Elapsed;
        var red = await ReadinessAsync(probe, HttpStatusCode.ServiceUnavailable);
        await Task.Delay(TimeSpan.FromSeconds(1));
        await factory.Postgres.StartAsync();
        var startedAt = clock.Elapsed;
        var green = await ReadinessAsync(probe, HttpStatusCode.OK);
        var greenAt = clock.Elapsed;
        var outcomes = await Task.WhenAll(writers);

        var attempts = log.ToList();
        var failures = attempts.Where(a => a.PostId is null).ToList();
        output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{attempts.Count} attempts, {failures.Count} failed; stopped at {stoppedAt.TotalSeconds:F1} s, started at {startedAt.TotalSeconds:F1} s, green at {greenAt.TotalSeconds:F1} s, done at {clock.Elapsed.TotalSeconds:F1} s"));
        foreach (var kind in failures.GroupBy(f => f.Failure![..Math.Min(f.Failure!.Length, 60)]))
        {
            output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{kind.Count()} x {kind.Key} ({kind.Min(f => f.StartedAt).TotalSeconds:F1}-{kind.Max(f => f.StartedAt).TotalSeconds:F1} s)"));
        }
        Assert.True(red, "/readyz did not answer 503 while PostgreSQL was down.");
        Assert.True(green, $"/readyz did not answer 200 again after PostgreSQL was back. Server log:\n{factory.Postgres.Log}");
        Assert.True(failures.Count > 0, "No post failed: the restart did not happen while they were being written.");
        Assert.True(outcomes.All(o => o.Count == RepliesEach),
            $"Some writers gave up: {string.Join("; ", failures.TakeLast(5).Select(f => f.Failure))}");
        Assert.All(failures, f => Assert.EndsWith("with the error page", f.Failure, StringComparison.Ordinal));
        // The app is ready when it says so: what is sent after /readyz turned green is taken at once.
        var lateFailures = failures.Where(f => f.StartedAt > greenAt).ToList();
        Assert.True(lateFailures.Count == 0,
            $"{lateFailures.Count} posts sent after /readyz was green failed: {string.Join("; ", lateFailures.Take(5).Select(f => f.Failure))}");

        var taken = outcomes.SelectMany(o => o).ToList();
        await AssertStoredOnceAndWholeAsync(threads, taken);
        Assert.Equal(Writers * RepliesEach, taken.Count);
    }

    [Fact]
    public async Task After_a_quiet_restart_the_first_requests_are_answered_from_fresh_connections()
    {
        var cohort = await factory.OpenCohortAsync("Quiet restart");
        var people = await PeopleAsync(cohort, 21);
        var threads = await ReflectionsAsync(cohort, people.Take(1).ToList());
        var clients = await Task.WhenAll(people.Skip(1).Select(factory.ClientAsync));
        var url = factory.ThreadUrl(cohort, threads[0]);
        // Twenty pages at once leave as many idle connections in the app's pool.
        await Task.WhenAll(clients.Select(c => c.GetDocumentAsync(url)));
        using var probe = new HttpClient { BaseAddress = factory.ServerAddress };

        await factory.Postgres.StopAsync();
        await factory.Postgres.StartAsync();
        var statuses = new List<HttpStatusCode>();
        foreach (var client in clients)
        {
            using var response = await client.GetAsync(url);
            statuses.Add(response.StatusCode);
        }
        using var ready = await probe.GetAsync("/readyz");

        output.WriteLine(string.Join(", ", statuses));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task An_outage_longer_than_the_institution_cache_answers_503_with_the_error_page_while_healthz_stays_200()
    {
        var cohort = await factory.OpenCohortAsync("Long outage");
        var people = await PeopleAsync(cohort, 2);
        var threads = await ReflectionsAsync(cohort, people.Take(1).ToList());
        var client = await factory.ClientAsync(people[1]);
        using var anonymous = new HttpClient { BaseAddress = factory.ServerAddress };
        var url = factory.ThreadUrl(cohort, threads[0]);
        var start = factory.Url("/");
        using (var warm = await client.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        await factory.Postgres.StopAsync();
        var answers = new List<(string What, HttpStatusCode Status, TimeSpan? RetryAfter, string Page)>();
        HttpStatusCode healthz, readyz;
        try
        {
            // Past the half minute the institution list is cached for, and past the minute after which a session's
            // security stamp is checked again: both would need the database.
            factory.Clock.Advance(TimeSpan.FromSeconds(61));
            foreach (var (what, who, path) in new[] { ("thread, signed in", client, url), ("institution start, anonymous", anonymous, start) })
            {
                using var response = await who.GetAsync(path);
                answers.Add((what, response.StatusCode, response.Headers.RetryAfter?.Delta, await response.Content.ReadAsStringAsync()));
            }
            using (var live = await anonymous.GetAsync("/healthz"))
            {
                healthz = live.StatusCode;
            }
            using (var ready = await anonymous.GetAsync("/readyz"))
            {
                readyz = ready.StatusCode;
            }
        }
        finally
        {
            await factory.Postgres.StartAsync();
        }

        foreach (var (what, status, retryAfter, page) in answers)
        {
            output.WriteLine($"{what}: {(int)status} Retry-After {retryAfter}");
            Assert.True(status == HttpStatusCode.ServiceUnavailable, $"{what}: {(int)status} {Forms.Excerpt(page)}");
            Assert.Equal(CoSie.Platform.Web.Hosting.DatabaseOutage.RetryAfter, retryAfter);
            Assert.Contains("Please try again in a moment.", page, StringComparison.Ordinal);
        }
        // The error page still knows its institution, from the list read before the outage.
        Assert.Contains(factory.A.Name, answers[0].Page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, healthz);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyz);

        Assert.True(await ReadinessAsync(anonymous, HttpStatusCode.OK), $"/readyz did not turn green. Server log:\n{factory.Postgres.Log}");
        using var after = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    private async Task<List<(Guid Key, Guid PostId)>> WriteAsync(
        HttpClient client, Cohort cohort, Guid reflectionId, ConcurrentQueue<Attempt> log, Stopwatch clock, Action onSuccess)
    {
        var deadline = clock.Elapsed + GiveUpAfter;
        var url = factory.ThreadUrl(cohort, reflectionId);
        var form = await RetryAsync(async () => (IHtmlFormElement)(await client.GetDocumentAsync(url)).QuerySelector("#reply-form")!, clock, deadline);
        var taken = new List<(Guid Key, Guid PostId)>();
        for (var i = 0; i < RepliesEach; i++)
        {
            var key = Guid.NewGuid();
            // A reply to the reflection, an answer to it, and another reply to the reflection: siblings and depth.
            var parent = i == 1 ? taken[0].PostId.ToString() : string.Empty;
            var values = new Dictionary<string, string>
            {
                ["Input.Body"] = $"Reply {i} with key {key}",
                ["Input.SubmissionKey"] = key.ToString(),
                ["Input.ParentId"] = parent,
            };
            while (true)
            {
                var started = clock.Elapsed;
                string failure;
                try
                {
                    using var response = await client.PostFormAsync(url, form, values);
                    if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.ToString().Contains("#post-", StringComparison.Ordinal) == true)
                    {
                        var postId = DiscussionFactory.PostIdOf(response);
                        log.Enqueue(new Attempt(key, started, postId, null));
                        taken.Add((key, postId));
                        onSuccess();
                        break;
                    }
                    var page = await response.Content.ReadAsStringAsync();
                    // A failure still answers with the platform's error page, which asks to try again.
                    failure = page.Contains("Please try again in a moment.", StringComparison.Ordinal)
                        ? $"{(int)response.StatusCode} with the error page"
                        : $"{(int)response.StatusCode} without the error page: {Forms.Excerpt(page)}";
                }
                catch (Exception e) when (e is HttpRequestException or IOException)
                {
                    failure = $"{e.GetType().Name}: {e.Message}";
                }
                log.Enqueue(new Attempt(key, started, null, failure));
                if (clock.Elapsed > deadline)
                {
                    return taken;
                }
                await Task.Delay(200);
            }
        }
        return taken;
    }

    private static async Task<T> RetryAsync<T>(Func<Task<T>> action, Stopwatch clock, TimeSpan deadline)
    {
        while (true)
        {
            try
            {
                return await action();
            }
            catch (HttpRequestException) when (clock.Elapsed < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    private static async Task<bool> ReadinessAsync(HttpClient probe, HttpStatusCode expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (DateTime.UtcNow < deadline)
        {
            using var response = await probe.GetAsync("/readyz");
            if (response.StatusCode == expected)
            {
                return true;
            }
            await Task.Delay(50);
        }
        return false;
    }

    private async Task AssertStoredOnceAndWholeAsync(IReadOnlyList<Guid> threads, List<(Guid Key, Guid PostId)> taken)
    {
        var (reflections, replies, events) = await factory.QueryAsync(async db => (
            await db.Reflections.AsNoTracking().Where(r => threads.Contains(r.Id)).ToListAsync(),
            await db.Replies.AsNoTracking().Where(r => threads.Contains(r.ReflectionId)).ToListAsync(),
            await db.ThreadEvents.AsNoTracking().Where(e => threads.Contains(e.ReflectionId)).ToListAsync()));

        // Every post that was answered with success is there, once, under the key it was sent with.
        var byId = replies.ToDictionary(r => r.Id);
        foreach (var (key, postId) in taken)
        {
            Assert.True(byId.TryGetValue(postId, out var reply), $"The reply {postId} was confirmed but is missing.");
            Assert.Equal(key, reply.SubmissionKey);
        }
        Assert.Equal(taken.Count, replies.Count);
        Assert.Equal(taken.Count, replies.Select(r => r.SubmissionKey).Distinct().Count());

        foreach (var thread in reflections)
        {
            var own = replies.Where(r => r.ReflectionId == thread.Id).ToList();
            var ownEvents = events.Where(e => e.ReflectionId == thread.Id).OrderBy(e => e.Sequence).ToList();
            // The counters, the version and the events moved with every reply, and with nothing else.
            Assert.Equal(own.Count, thread.ReplyCount);
            Assert.Equal(Enumerable.Range(1, own.Count + 1).Select(i => (long)i), ownEvents.Select(e => e.Sequence));
            Assert.Equal(thread.LastEventSequence, ownEvents[^1].Sequence);
            Assert.Equal(thread.LastEventSequence, thread.ThreadVersion);
            Assert.Equal(own.Select(r => r.Id).Order(), ownEvents.Where(e => e.Kind == ThreadEventKind.ReplyPosted).Select(e => e.PostId).Order());
            // The tree: unique paths, each under its parent's, and the positions handed out are the ones used.
            Assert.Equal(own.Count, own.Select(r => r.Path).Distinct(StringComparer.Ordinal).Count());
            var top = own.Where(r => r.ParentReplyId is null).ToList();
            Assert.Equal(top.Count, thread.ChildCount);
            Assert.Equal(Enumerable.Range(1, top.Count).Select(Reply.PathSegment), top.Select(r => r.Path).Order(StringComparer.Ordinal));
            foreach (var parent in own)
            {
                var children = own.Where(r => r.ParentReplyId == parent.Id).ToList();
                Assert.Equal(children.Count, parent.ChildCount);
                Assert.All(children, c =>
                {
                    Assert.Equal(parent.Path + Reply.PathSegment(int.Parse(c.Path[^Reply.SegmentWidth..], System.Globalization.CultureInfo.InvariantCulture)), c.Path);
                    Assert.Equal(parent.Depth + 1, c.Depth);
                });
            }
        }
    }

    // Accounts without a password (none is needed to mint a session), added in one go: hashing 200 passwords would
    // cost the shared test machine most of a minute.
    private async Task<List<PlatformUser>> PeopleAsync(Cohort cohort, int count)
    {
        var people = Enumerable.Range(0, count).Select(i =>
        {
            var email = $"writer{i}-{Guid.NewGuid():N}@restart.test";
            return new PlatformUser
            {
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                DisplayName = $"Writer {i}",
                CreatedAt = factory.Clock.GetUtcNow(),
            };
        }).ToList();
        await factory.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<PlatformDbContext>();
            db.Users.AddRange(people);
            return await db.SaveChangesAsync();
        });
        await factory.InInstitutionAsync(factory.A.Id, async (_, db) =>
        {
            foreach (var person in people)
            {
                db.InstitutionMemberships.Add(new InstitutionMembership { UserId = person.Id, Role = InstitutionRole.Learner, CreatedAt = factory.Clock.GetUtcNow() });
                db.CohortMembers.Add(new CohortMember { CohortId = cohort.Id, UserId = person.Id, Role = CohortRole.Learner, JoinedAt = factory.Clock.GetUtcNow() });
            }
            return await db.SaveChangesAsync();
        });
        return people;
    }

    private Task<List<Guid>> ReflectionsAsync(Cohort cohort, IReadOnlyList<PlatformUser> authors) =>
        factory.InInstitutionAsync(factory.A.Id, async (_, db) =>
        {
            var now = factory.Clock.GetUtcNow();
            var ids = new List<Guid>();
            foreach (var author in authors)
            {
                var reflection = new Reflection
                {
                    CohortId = cohort.Id,
                    PromptId = factory.Prompts[0].Id,
                    AuthorId = author.Id,
                    BodySource = $"{author.DisplayName} reflects.",
                    BodyHtml = $"<p>{author.DisplayName} reflects.</p>",
                    CreatedAt = now,
                    LastActivityAt = now,
                };
                db.Reflections.Add(reflection);
                db.ThreadEvents.Add(reflection.Record(ThreadEventKind.ReflectionPosted, reflection.Id, now));
                ids.Add(reflection.Id);
            }
            await db.SaveChangesAsync();
            return ids;
        });

    private sealed record Attempt(Guid Key, TimeSpan StartedAt, Guid? PostId, string? Failure);
}
