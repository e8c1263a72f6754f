using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.Discussions.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoSie.Platform.IntegrationTests.Security;

// The discussion outbox under row-level security, with the app connected as its role: a worker delivering one
// institution's entries sees, takes and deletes only that institution's, and cannot write another's.
public sealed class OutboxIsolationTests(SecurityFactory factory) : IClassFixture<SecurityFactory>
{
    [Fact]
    public async Task Delivering_one_institution_s_outbox_leaves_the_other_s_entries_alone()
    {
        var worker = factory.Services.GetRequiredService<OutboxWorker>();
        var reflectionB = await factory.InInstitutionAsync(factory.B.Id, async (_, db) =>
        {
            var prompt = await db.ReflectionPrompts.FirstAsync();
            return await factory.ReflectionAsync(factory.B, factory.CohortB, prompt, factory.People[Actor.LearnerB], "In B.");
        });
        await worker.StopAsync(CancellationToken.None);
        try
        {
            // Whatever the fixture's own posts left pending is delivered first, so the counts below are this test's.
            await worker.DeliverAsync(factory.A.Id, waitForOthers: true, CancellationToken.None);
            await worker.DeliverAsync(factory.B.Id, waitForOthers: true, CancellationToken.None);
            Assert.Equal(0, await VisibleAsync(factory.A));
            Assert.Equal(0, await VisibleAsync(factory.B));

            await AddEntryAsync(factory.A, factory.ReflectionA);
            await AddEntryAsync(factory.B, reflectionB.Id);

            // Each institution's scope sees its own entries only, even when it asks past EF Core's filter.
            Assert.Equal(1, await VisibleAsync(factory.A));
            Assert.Equal(1, await VisibleAsync(factory.B));

            Assert.Equal(1, await worker.DeliverAsync(factory.A.Id, waitForOthers: true, CancellationToken.None));
            Assert.Equal(0, await VisibleAsync(factory.A));
            Assert.Equal(1, await VisibleAsync(factory.B));
            Assert.Equal("1", await factory.SqlScalarAsSuperuserAsync(
                $"SELECT count(*) FROM discussion_outbox WHERE institution_id = '{factory.B.Id}'"));

            // Writing an entry for B from A's scope is refused by PostgreSQL itself.
            var refused = await Assert.ThrowsAsync<PostgresException>(() => factory.InInstitutionAsync(factory.A.Id, (_, db) =>
                db.Database.ExecuteSqlAsync($"""
                    INSERT INTO discussion_outbox (id, institution_id, reflection_id, find_mentions, badge_user_ids, created_at, attempts)
                    VALUES ({Guid.CreateVersion7()}, {factory.B.Id}, {reflectionB.Id}, false, ARRAY[]::uuid[], now(), 0)
                    """)));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);

            Assert.Equal(1, await worker.DeliverAsync(factory.B.Id, waitForOthers: true, CancellationToken.None));
            Assert.Equal(0, await VisibleAsync(factory.B));
        }
        finally
        {
            await worker.StartAsync(CancellationToken.None);
        }
    }

    private Task<int> AddEntryAsync(Institution institution, Guid reflectionId) =>
        factory.InInstitutionAsync(institution.Id, async (services, db) =>
        {
            var outbox = services.GetRequiredService<DiscussionOutbox>();
            outbox.AddBadges(reflectionId, [Guid.NewGuid()]);
            await db.SaveChangesAsync();
            return 0;
        });

    private Task<int> VisibleAsync(Institution institution) =>
        factory.InInstitutionAsync(institution.Id, (_, db) =>
            db.DiscussionOutbox.IgnoreQueryFilters([Web.Data.PlatformDbContext.TenantFilter]).CountAsync());
}
