using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Data;
using CoSie.Platform.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.IntegrationTests.Tenancy;

public sealed class TenantIsolationTests(TenantIsolationTests.Factory factory) : IClassFixture<TenantIsolationTests.Factory>
{
    public sealed class Factory : PlatformFactory
    {
        public Institution A { get; private set; } = null!;
        public Institution B { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            A = await this.InstitutionAsync("iso-a");
            B = await this.InstitutionAsync("iso-b");
            await this.MemberAsync(A, "ann@a.test", InstitutionRole.Learner);
            await this.MemberAsync(A, "alf@a.test", InstitutionRole.Instructor);
            await this.MemberAsync(B, "bea@b.test", InstitutionRole.Learner);
        }
    }

    [Fact]
    public async Task A_query_without_a_where_sees_only_the_current_institutions_rows()
    {
        var inA = await factory.InInstitutionAsync(factory.A.Id, (_, db) => db.InstitutionMemberships.ToListAsync());
        var inB = await factory.InInstitutionAsync(factory.B.Id, (_, db) => db.InstitutionMemberships.ToListAsync());
        Assert.True(inA.Count >= 2);
        Assert.All(inA, m => Assert.Equal(factory.A.Id, m.InstitutionId));
        Assert.All(inB, m => Assert.Equal(factory.B.Id, m.InstitutionId));
        Assert.Empty(inA.Select(m => m.Id).Intersect(inB.Select(m => m.Id)));
    }

    [Fact]
    public async Task Outside_an_institution_tenant_owned_rows_are_invisible()
    {
        var count = await factory.WithServicesAsync(services => services.GetRequiredService<PlatformDbContext>().InstitutionMemberships.CountAsync());
        Assert.Equal(0, count);
    }

    [Fact]
    public async Task Looking_up_another_institutions_row_by_id_finds_nothing()
    {
        var bRow = await factory.InInstitutionAsync(factory.B.Id, (_, db) => db.InstitutionMemberships.FirstAsync());
        var seenFromA = await factory.InInstitutionAsync(factory.A.Id, (_, db) => db.InstitutionMemberships.FindAsync(bRow.Id).AsTask());
        Assert.Null(seenFromA);
    }

    [Fact]
    public async Task New_rows_are_stamped_with_the_current_institution()
    {
        var user = await factory.UserAsync("stamp@a.test");
        var saved = await factory.InInstitutionAsync(factory.A.Id, async (_, db) =>
        {
            var membership = new InstitutionMembership { UserId = user.Id, Role = InstitutionRole.Learner };
            db.InstitutionMemberships.Add(membership);
            await db.SaveChangesAsync();
            return membership;
        });
        Assert.Equal(factory.A.Id, saved.InstitutionId);
    }

    [Fact]
    public async Task Saving_a_row_of_another_institution_fails_loudly_and_writes_nothing()
    {
        var user = await factory.UserAsync("smuggle@b.test");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => factory.InInstitutionAsync(factory.A.Id, async (_, db) =>
        {
            db.InstitutionMemberships.Add(new InstitutionMembership { UserId = user.Id, Role = InstitutionRole.Admin, InstitutionId = factory.B.Id });
            return await db.SaveChangesAsync();
        }));
        Assert.Contains("cannot be saved from institution", error.Message, StringComparison.Ordinal);
        var inB = await factory.InInstitutionAsync(factory.B.Id, (_, db) => db.InstitutionMemberships.AnyAsync(m => m.UserId == user.Id));
        Assert.False(inB);
    }

    [Fact]
    public async Task Saving_a_tenant_owned_row_outside_an_institution_fails()
    {
        var user = await factory.UserAsync("nowhere@a.test");
        await Assert.ThrowsAsync<InvalidOperationException>(() => factory.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<PlatformDbContext>();
            db.InstitutionMemberships.Add(new InstitutionMembership { UserId = user.Id, Role = InstitutionRole.Learner, InstitutionId = factory.A.Id });
            return await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task Every_tenant_owned_entity_carries_the_tenant_filter()
    {
        var unfiltered = await factory.WithServicesAsync(services =>
        {
            var db = services.GetRequiredService<PlatformDbContext>();
            var missing = db.Model.GetEntityTypes()
                .Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType))
                .Where(t => t.FindDeclaredQueryFilter(PlatformDbContext.TenantFilter) is null)
                .Select(t => t.ClrType.Name)
                .ToList();
            return Task.FromResult(missing);
        });
        Assert.Empty(unfiltered);
    }
}
