using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Data;
using CoSie.Platform.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoSie.Platform.IntegrationTests.Security;

public sealed class RowLevelSecurityTests(SecurityFactory factory) : IClassFixture<SecurityFactory>
{
    [Fact]
    public async Task Every_table_with_an_institution_id_has_forced_row_level_security_and_the_tenant_policy()
    {
        var uncovered = await factory.SqlScalarAsSuperuserAsync("""
            SELECT coalesce(string_agg(c.relname, ', ' ORDER BY c.relname), '')
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'institution_id' AND NOT a.attisdropped
            WHERE c.relkind IN ('r', 'p') AND c.relname <> 'institutions'
              AND NOT (c.relrowsecurity AND c.relforcerowsecurity
                       AND EXISTS (SELECT 1 FROM pg_policies p WHERE p.tablename = c.relname AND p.policyname = 'tenant_isolation'))
            """);
        Assert.Equal(string.Empty, uncovered);
        Assert.True(int.Parse(await factory.SqlScalarAsSuperuserAsync(
            "SELECT count(*) FROM pg_policies WHERE schemaname = 'public' AND policyname = 'tenant_isolation'"), System.Globalization.CultureInfo.InvariantCulture) >= 10);
    }

    [Fact]
    public async Task A_table_added_later_is_covered_when_the_rule_is_applied_again()
    {
        await factory.SqlScalarAsSuperuserAsync("CREATE TABLE later_feature (id uuid PRIMARY KEY, institution_id uuid NOT NULL)");
        await factory.SqlScalarAsSuperuserAsync("SELECT cosie_apply_rls()");
        Assert.Equal("True", await factory.SqlScalarAsSuperuserAsync(
            "SELECT relrowsecurity AND relforcerowsecurity FROM pg_class WHERE relname = 'later_feature'"));
    }

    [Fact]
    public async Task The_app_role_is_neither_owner_nor_superuser_nor_exempt_from_row_level_security()
    {
        Assert.Equal("false|false", await factory.SqlScalarAsSuperuserAsync(
            $"SELECT rolsuper || '|' || rolbypassrls FROM pg_roles WHERE rolname = '{TestDatabases.AppRole}'"));
        Assert.Equal("0", await factory.SqlScalarAsSuperuserAsync(
            $"SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = '{TestDatabases.AppRole}'"));
    }

    [Theory]
    [InlineData("cohorts")]
    [InlineData("reflections")]
    [InlineData("replies")]
    [InlineData("institution_memberships")]
    [InlineData("courses")]
    public async Task Raw_sql_without_a_tenant_sees_no_rows(string table)
    {
        Assert.NotEqual("0", await factory.SqlScalarAsSuperuserAsync($"SELECT count(*) FROM {table}"));
        Assert.Equal("0", await factory.SqlScalarAsAppRoleAsync($"SELECT count(*) FROM {table}"));
        Assert.Equal("0", await factory.SqlScalarAsAppRoleAsync("SELECT set_config('cosie.institution_id', '', false)", $"SELECT count(*) FROM {table}"));
    }

    [Fact]
    public async Task Raw_sql_with_a_tenant_sees_that_institutions_rows_only()
    {
        var inA = await factory.SqlScalarAsAppRoleAsync(
            $"SELECT set_config('cosie.institution_id', '{factory.A.Id}', false)", "SELECT string_agg(DISTINCT institution_id::text, ',') FROM cohorts");
        Assert.Equal(factory.A.Id.ToString(), inA);
        var inB = await factory.SqlScalarAsAppRoleAsync(
            $"SELECT set_config('cosie.institution_id', '{factory.B.Id}', false)", $"SELECT count(*) FROM cohorts WHERE id = '{factory.CohortA.Id}'");
        Assert.Equal("0", inB);
    }

    [Fact]
    public async Task Writing_a_row_of_another_institution_is_refused_by_postgresql()
    {
        var setB = $"SELECT set_config('cosie.institution_id', '{factory.B.Id}', false), set_config('cosie.cross_tenant', 'on', false)";
        Assert.Equal("0", await factory.SqlScalarAsAppRoleAsync(setB, $"WITH changed AS (UPDATE cohorts SET name = 'taken' WHERE id = '{factory.CohortA.Id}' RETURNING 1) SELECT count(*) FROM changed"));
        var error = await Assert.ThrowsAsync<PostgresException>(() => factory.SqlScalarAsAppRoleAsync(setB, $"""
            INSERT INTO courses (id, institution_id, slug, title, summary, visibility, created_at, updated_at)
            VALUES (gen_random_uuid(), '{factory.A.Id}', 'smuggled', 'Smuggled', '', 0, now(), now());
            """));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        Assert.Equal("Cohort A", await factory.SqlScalarAsSuperuserAsync($"SELECT name FROM cohorts WHERE id = '{factory.CohortA.Id}'"));
    }

    [Fact]
    public async Task Only_the_cross_institution_helper_reads_across_institutions()
    {
        var (filtered, across) = await factory.InInstitutionAsync(factory.A.Id, async (_, db) =>
        {
            // The query filter is lifted in both; only the helper also opens PostgreSQL's policy.
            var bare = await db.InstitutionMemberships.IgnoreQueryFilters([PlatformDbContext.TenantFilter]).Select(m => m.InstitutionId).Distinct().ToListAsync();
            var helped = await db.AcrossInstitutionsAsync(d => d.InstitutionMemberships.IgnoreQueryFilters([PlatformDbContext.TenantFilter])
                .Select(m => m.InstitutionId).Distinct().ToListAsync());
            return (bare, helped);
        });
        Assert.Equal([factory.A.Id], filtered);
        Assert.Equal(2, across.Count);

        var outside = await factory.WithServicesAsync(services =>
            services.GetRequiredService<PlatformDbContext>().InstitutionMemberships.IgnoreQueryFilters([PlatformDbContext.TenantFilter]).CountAsync());
        Assert.Equal(0, outside);
    }

    [Fact]
    public async Task The_helper_cannot_write_across_institutions()
    {
        await factory.InInstitutionAsync(factory.A.Id, (_, db) =>
            db.AcrossInstitutionsAsync(async d =>
            {
                var changed = await d.Database.ExecuteSqlAsync($"UPDATE cohorts SET name = 'taken' WHERE id = {factory.CohortB.Id}");
                Assert.Equal(0, changed);
                return changed;
            }));
        Assert.Equal("Cohort B", await factory.SqlScalarAsSuperuserAsync($"SELECT name FROM cohorts WHERE id = '{factory.CohortB.Id}'"));
    }

    [Fact]
    public async Task Platform_wide_pages_still_list_across_institutions_under_row_level_security()
    {
        var member = await factory.UserAsync("both@cosie.test");
        await factory.MemberAsync(factory.A, member, InstitutionRole.Learner);
        await factory.MemberAsync(factory.B, member, InstitutionRole.Learner);
        using var client = await factory.CreateClientAsAsync(member);
        var landing = await client.GetStringAsync("/");
        Assert.Contains("Alpha University", landing);
        Assert.Contains("Beta Agency", landing);

        using var admin = await factory.CreateClientAsAsync(factory.People[Actor.PlatformAdmin]);
        using var list = await admin.GetAsync("/admin/institutions");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }
}
