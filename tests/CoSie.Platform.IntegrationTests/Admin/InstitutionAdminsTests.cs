using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Data;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.IntegrationTests.Admin;

public sealed class InstitutionAdminsTests(InstitutionAdminsTests.Factory factory) : IClassFixture<InstitutionAdminsTests.Factory>
{
    public sealed class Factory : PlatformFactory
    {
        public Institution UniA { get; private set; } = null!;
        public Institution AgencyB { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            UniA = await this.InstitutionAsync("uni-a", "University A");
            AgencyB = await this.InstitutionAsync("agency-b", "Agency B");
        }
    }

    [Fact]
    public async Task Appointing_an_account_makes_it_admin_of_that_institution_only()
    {
        var person = await factory.UserAsync("dora@example.test", "Dora Director");
        var client = await factory.PlatformAdminClientAsync();

        using var response = await client.SubmitAsync(AdminsOf(factory.UniA), new Dictionary<string, string> { ["Input.Email"] = " DORA@example.test " });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetDocumentAsync(AdminsOf(factory.UniA));
        Assert.Contains("Dora Director (dora@example.test) is now an admin of University A.", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("dora@example.test", page.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([(factory.UniA.Id, InstitutionRole.Admin)], await MembershipsAsync(person));
    }

    [Fact]
    public async Task Appointing_a_member_raises_their_role_to_admin()
    {
        var person = await factory.MemberAsync(factory.UniA, "iris@example.test", InstitutionRole.Instructor);
        var client = await factory.PlatformAdminClientAsync();

        using var response = await client.SubmitAsync(AdminsOf(factory.UniA), new Dictionary<string, string> { ["Input.Email"] = "iris@example.test" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([(factory.UniA.Id, InstitutionRole.Admin)], await MembershipsAsync(person));
    }

    [Fact]
    public async Task Appointing_an_address_without_an_account_says_so_and_changes_nothing()
    {
        var client = await factory.PlatformAdminClientAsync();

        using var response = await client.SubmitAsync(AdminsOf(factory.AgencyB), new Dictionary<string, string> { ["Input.Email"] = "nobody@example.test" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal("No account uses nobody@example.test. Ask the person to create an account first, then appoint them here.", page.ErrorFor("Input.Email"));
        Assert.Single(page.QuerySelectorAll("main form[method=post]"));
        Assert.Equal(0, await factory.InInstitutionAsync(factory.AgencyB.Id, (_, db) => db.InstitutionMemberships.CountAsync()));
    }

    [Fact]
    public async Task Removing_an_admin_asks_first_and_can_keep_them_as_an_instructor()
    {
        var quiet = await factory.InstitutionAsync("quiet-place", "Quiet Place");
        var person = await factory.MemberAsync(quiet, "kim@example.test", InstitutionRole.Admin);
        var client = await factory.PlatformAdminClientAsync();
        var list = await client.GetDocumentAsync(AdminsOf(quiet));
        var removeLink = list.QuerySelector($"a[href$='/admins/{person.Id}/remove']")!.GetAttribute("href")!;

        var confirmation = await client.GetDocumentAsync(removeLink);
        Assert.Contains("Remove kim as admin of Quiet Place?", confirmation.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("only admin", confirmation.QuerySelector(".warning")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([(quiet.Id, InstitutionRole.Admin)], await MembershipsAsync(person));

        using var response = await client.SubmitAsync(removeLink, new Dictionary<string, string> { ["Input.Then"] = "instructor" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([(quiet.Id, InstitutionRole.Instructor)], await MembershipsAsync(person));
        var after = await client.GetDocumentAsync(AdminsOf(quiet));
        Assert.Contains("stays an instructor", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_an_admin_from_the_institution_deletes_only_that_membership()
    {
        var person = await factory.MemberAsync(factory.UniA, "lou@example.test", InstitutionRole.Admin);
        await factory.MemberAsync(factory.AgencyB, person, InstitutionRole.Admin);
        var client = await factory.PlatformAdminClientAsync();

        using var response = await client.SubmitAsync(
            $"{AdminsOf(factory.UniA)}/{person.Id}/remove", new Dictionary<string, string> { ["Input.Then"] = "remove" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([(factory.AgencyB.Id, InstitutionRole.Admin)], await MembershipsAsync(person));
    }

    [Fact]
    public async Task Removing_someone_who_is_not_an_admin_there_is_404()
    {
        var person = await factory.MemberAsync(factory.UniA, "max@example.test", InstitutionRole.Learner);
        var client = await factory.PlatformAdminClientAsync();

        using var response = await client.GetAsync($"{AdminsOf(factory.UniA)}/{person.Id}/remove");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static string AdminsOf(Institution institution) => $"/admin/institutions/{institution.Id}/admins";

    // Reads one person's memberships in every institution, to prove a change stayed in the institution it targeted.
    private Task<List<(Guid, InstitutionRole)>> MembershipsAsync(PlatformUser person) =>
        factory.WithServicesAsync(async services =>
        {
            var rows = await services.GetRequiredService<PlatformDbContext>().InstitutionMemberships
                .IgnoreQueryFilters([PlatformDbContext.TenantFilter])
                .Where(m => m.UserId == person.Id)
                .OrderBy(m => m.InstitutionId)
                .Select(m => new { m.InstitutionId, m.Role })
                .ToListAsync();
            return rows.Select(r => (r.InstitutionId, r.Role)).ToList();
        });
}
