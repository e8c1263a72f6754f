using System.Data.Common;
using System.Diagnostics;
using CoSie.Platform.Web.Localization;
using CoSie.Platform.Web.Data;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.Digests;
using CoSie.Platform.Web.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CoSie.Platform.IntegrationTests.Digests;

public sealed class DigestScaleTests(DigestScaleTests.ScaleFactory factory, ITestOutputHelper output) : IClassFixture<DigestScaleTests.ScaleFactory>
{
    // Four batches: enough to show that the queries grow with batches, never with members (the bench measures speed at
    // larger sizes).
    private const int Members = 2_000;

    [Fact]
    public async Task A_two_thousand_member_cohort_is_built_with_a_number_of_queries_per_batch_not_per_member()
    {
        var cohort = await factory.CohortAsync("Large cohort");
        var people = await SeedAsync(cohort);
        factory.AdvanceTo(factory.NextSlot(cohort));
        await factory.RunScheduleAsync();

        // The institution list follows the app's clock, which just moved a week: read it again before counting.
        await factory.InInstitutionAsync(factory.A.Id, (_, _) => Task.FromResult(0));

        // Building and rendering every member's digest, without the SMTP round trips.
        factory.Commands.Reset();
        var build = Stopwatch.StartNew();
        var built = await factory.InInstitutionAsync(factory.A.Id, async (services, db) =>
        {
            var builder = services.GetRequiredService<DigestContentBuilder>();
            var email = services.GetRequiredService<DigestEmail>();
            var dispatcher = services.GetRequiredService<DigestDispatcher>();
            var deliveries = await db.DigestDeliveries.AsNoTracking().Where(d => d.CohortId == cohort.Id).ToListAsync();
            var data = (await builder.LoadCohortAsync(cohort.Id, deliveries.Min(d => d.PeriodStart), deliveries.Max(d => d.SlotUtc), CancellationToken.None))!;
            var institution = Web.Tenancy.InstitutionInfo.From(factory.A);
            var messages = 0;
            foreach (var chunk in deliveries.Chunk(DigestDispatcher.BatchSize))
            {
                var contents = await builder.BuildAsync(data, chunk.Select(d => new DigestReader(d.UserId, CohortRole.Learner, d.PeriodStart, d.SlotUtc)).ToList(), CancellationToken.None);
                foreach (var (userId, content) in contents.Where(c => !c.Value.IsEmpty))
                {
                    var recipient = new DigestRecipient(userId, "x@scale.test", "X", TimeZoneInfo.Utc, Locale.For("en", null, null));
                    email.Build(dispatcher.Letter(institution, cohort.Id, recipient, content, data.Cohort.CreatedAt, "x@y"));
                    messages++;
                }
            }
            return messages;
        });
        build.Stop();
        var buildQueries = factory.Commands.Reads;
        var buildRate = (Members + 1) / build.Elapsed.TotalSeconds;
        output.WriteLine($"built and rendered {built} digests for {Members + 1} members in {build.Elapsed.TotalSeconds:F1} s ({buildRate:F0} members/s) with {buildQueries} queries");

        // The whole job: leases, builds, writes every message and records every outcome.
        factory.Commands.Reset();
        var watch = Stopwatch.StartNew();
        var result = await factory.SendCohortAsync(cohort);
        watch.Stop();
        var rate = (Members + 1) / watch.Elapsed.TotalSeconds;
        output.WriteLine($"job: {result.Sent} sent, {result.Skipped} skipped, {result.Retry.Count} to retry ({result.LastError?.Message}) in {watch.Elapsed.TotalSeconds:F1} s ({rate:F0} members/s); {factory.Commands.Reads} reading queries, {factory.Commands.Writes} writes");

        Assert.InRange(buildQueries, 1, 6 + (3 * ((Members / DigestDispatcher.BatchSize) + 1)) + 1);
        // Rates are only reported here (./cosie bench measures the digest job's speed); on a machine shared with the
        // other test classes they vary too much to assert.
        Assert.Equal(Members + 1, result.Sent + result.Skipped + result.Retry.Count);
        Assert.True(result.Sent > Members / 2, $"Only {result.Sent} digests had something new.");
        // Reading: per batch of 500 one lease, one delivery load and nine content queries (the closed syntheses among them).
        Assert.InRange(factory.Commands.Reads, 1, 11 * ((Members / DigestDispatcher.BatchSize) + 2));
        Assert.NotEmpty(people);
    }

    private async Task<List<Guid>> SeedAsync(Cohort cohort)
    {
        var now = factory.Clock.GetUtcNow();
        var users = Enumerable.Range(0, Members).Select(i => new PlatformUser
        {
            UserName = $"m{i}@scale.test",
            NormalizedUserName = $"M{i}@SCALE.TEST",
            Email = $"m{i}@scale.test",
            NormalizedEmail = $"M{i}@SCALE.TEST",
            EmailConfirmed = true,
            DisplayName = $"Member {i}",
            CreatedAt = now,
        }).ToList();
        await factory.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<PlatformDbContext>();
            db.Users.AddRange(users);
            return await db.SaveChangesAsync();
        });
        await factory.InInstitutionAsync(factory.A.Id, async (_, db) =>
        {
            db.CohortMembers.AddRange(users.Select(u => new CohortMember { CohortId = cohort.Id, UserId = u.Id, JoinedAt = now }));
            // Four in five members answer the first prompt; each reflection gets two replies from the next members.
            var reflections = users.Where((_, i) => i % 5 != 0).Select(u => new Reflection
            {
                CohortId = cohort.Id,
                PromptId = factory.P1.Id,
                AuthorId = u.Id,
                BodySource = $"A reflection by {u.DisplayName} with *some* Markdown and a few words more.",
                CreatedAt = now,
                LastActivityAt = now,
            }).ToList();
            db.Reflections.AddRange(reflections);
            for (var i = 0; i < reflections.Count; i++)
            {
                for (var k = 1; k <= 2; k++)
                {
                    db.Replies.Add(reflections[i].AddReply(null, users[(i + (k * 7)) % Members].Id, $"Reply {k} to reflection {i}.", "<p>reply</p>", now.AddMinutes(5)));
                }
            }
            return await db.SaveChangesAsync();
        });
        return users.Select(u => u.Id).ToList();
    }

    public sealed class ScaleFactory : DigestFactory
    {
        public CommandCounter Commands { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // The scale test measures the platform, not the test SMTP listener (tens of milliseconds a message):
            // its mail goes to a pickup folder.
            builder.UseSetting("Email:SmtpHost", string.Empty);
            builder.UseSetting("Email:PickupDirectory", Path.Combine(Path.GetTempPath(), $"cosie-scale-{Guid.NewGuid():N}"));
            // The discussion outbox's worker looks for undelivered entries every few seconds; its queries would count
            // among the digest job's. Nothing here posts through the outbox.
            builder.UseSetting("Discussions:OutboxPollSeconds", "3600");
            builder.ConfigureServices(services => services.ConfigureDbContext<PlatformDbContext>(options => options.AddInterceptors(Commands)));
        }
    }

    public sealed class CommandCounter : DbCommandInterceptor
    {
        private int _reads;
        private int _writes;

        public int Reads => _reads;
        public int Writes => _writes;

        public void Reset()
        {
            _reads = 0;
            _writes = 0;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            // EF Core batches UPDATEs through a reader too; only queries that read are counted as reads.
            Interlocked.Increment(ref command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || command.CommandText.Contains("RETURNING id AS", StringComparison.Ordinal) ? ref _reads : ref _writes);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _writes);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
