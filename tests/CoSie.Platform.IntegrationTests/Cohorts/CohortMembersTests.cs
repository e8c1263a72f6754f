using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;

namespace CoSie.Platform.IntegrationTests.Cohorts;

public sealed class CohortMembersTests(CohortFactory factory) : IClassFixture<CohortFactory>
{
    private static Dictionary<string, string> RoleChange(CohortMember member, CohortRole role) => new()
    {
        ["memberId"] = member.Id.ToString(),
        ["role"] = role.ToString(),
    };

    private async Task<CohortMember> InstructorMemberAsync(Cohort cohort) =>
        Assert.Single(await factory.MembersOfAsync(cohort.Id), m => m.UserId == factory.Instructor.Id);

    [Fact]
    public async Task A_manager_changes_a_members_role()
    {
        var cohort = await factory.CohortAsync("Role change");
        var learner = await factory.PersonInCohortAsync(cohort, CohortRole.Learner);
        var member = Assert.Single(await factory.MembersOfAsync(cohort.Id), m => m.UserId == learner.Id);
        var client = await factory.CreateClientAsAsync(factory.Instructor);

        var response = await client.SubmitAsync(factory.Url($"/cohorts/{cohort.Id}/members"), RoleChange(member, CohortRole.Observer),
            $"#role-form-{member.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(CohortRole.Observer, Assert.Single(await factory.MembersOfAsync(cohort.Id), m => m.Id == member.Id).Role);
    }

    [Fact]
    public async Task Making_someone_instructor_raises_their_institution_role_to_instructor()
    {
        var cohort = await factory.CohortAsync("Promotion");
        var learner = await factory.PersonInCohortAsync(cohort, CohortRole.Learner);
        var member = Assert.Single(await factory.MembersOfAsync(cohort.Id), m => m.UserId == learner.Id);
        var client = await factory.CreateClientAsAsync(factory.Instructor);

        await client.SubmitAsync(factory.Url($"/cohorts/{cohort.Id}/members"), RoleChange(member, CohortRole.Instructor),
            $"#role-form-{member.Id}");

        Assert.Equal(CohortRole.Instructor, Assert.Single(await factory.MembersOfAsync(cohort.Id), m => m.Id == member.Id).Role);
        Assert.Equal(InstitutionRole.Instructor, (await factory.MembershipAsync(factory.A, learner.Id))?.Role);
    }

    [Fact]
    public async Task Removing_a_member_asks_for_confirmation_and_keeps_their_institution_membership()
    {
        var cohort = await factory.CohortAsync("Removal");
        var learner = await factory.PersonInCohortAsync(cohort, CohortRole.Learner, "Remy Removed");
        var member = Assert.Single(await factory.MembersOfAsync(cohort.Id), m => m.UserId == learner.Id);
        var client = await factory.CreateClientAsAsync(factory.Instructor);
        var confirm = factory.Url($"/cohorts/{cohort.Id}/members/{member.Id}/remove");

        var page = await client.GetDocumentAsync(confirm);
        Assert.Contains("Remy Removed", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(await factory.MembersOfAsync(cohort.Id), m => m.Id == member.Id);

        var response = await client.SubmitAsync(confirm, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain(await factory.MembersOfAsync(cohort.Id), m => m.Id == member.Id);
        Assert.NotNull(await factory.MembershipAsync(factory.A, learner.Id));
    }

    [Fact]
    public async Task The_last_instructor_can_be_neither_demoted_nor_removed()
    {
        var cohort = await factory.CohortAsync("Last instructor");
        var instructor = await InstructorMemberAsync(cohort);
        var client = await factory.CreateClientAsAsync(factory.Instructor);
        var membersUrl = factory.Url($"/cohorts/{cohort.Id}/members");

        var demote = await client.SubmitAsync(membersUrl, RoleChange(instructor, CohortRole.Learner), $"#role-form-{instructor.Id}");
        Assert.Equal(HttpStatusCode.Redirect, demote.StatusCode);
        var after = await client.GetDocumentAsync(membersUrl);
        Assert.Contains("last instructor", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);

        var confirm = factory.Url($"/cohorts/{cohort.Id}/members/{instructor.Id}/remove");
        var page = await client.GetDocumentAsync(confirm);
        Assert.Contains("last instructor", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("main form[method=post]"));
        var form = await client.AnyFormAsync(membersUrl);
        await client.PostWithFormAsync(form, confirm);

        Assert.Equal(CohortRole.Instructor, Assert.Single(await factory.MembersOfAsync(cohort.Id)).Role);

        // With a second instructor, the first may step down.
        var second = await factory.PersonInCohortAsync(cohort, CohortRole.Instructor);
        Assert.NotNull(second);
        var stepDown = await client.SubmitAsync(membersUrl, RoleChange(instructor, CohortRole.Observer), $"#role-form-{instructor.Id}");
        Assert.Equal(HttpStatusCode.Redirect, stepDown.StatusCode);
        Assert.Equal(CohortRole.Observer, Assert.Single(await factory.MembersOfAsync(cohort.Id), m => m.Id == instructor.Id).Role);
    }

    [Fact]
    public async Task The_member_list_shows_fifty_people_a_page_and_emails_to_managers_only()
    {
        var cohort = await factory.CohortAsync("Big cohort");
        var emails = new List<string>();
        for (var i = 0; i < 54; i++)
        {
            var user = await factory.PersonInCohortAsync(cohort, CohortRole.Learner, $"Learner {i:D2}");
            emails.Add(user.Email!);
        }
        var manager = await factory.CreateClientAsAsync(factory.Instructor);
        var url = factory.Url($"/cohorts/{cohort.Id}/members");

        var first = await manager.GetDocumentAsync(url);
        var second = await manager.GetDocumentAsync(url + "?p=2");

        Assert.Equal(50, first.QuerySelectorAll("main table tbody tr").Length);
        Assert.Equal(5, second.QuerySelectorAll("main table tbody tr").Length);
        Assert.Contains(emails[0], first.QuerySelector("main table")!.TextContent + second.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(first.QuerySelector("a[rel=next]"));

        var learner = await factory.PersonInCohortAsync(cohort, CohortRole.Learner);
        var learnerView = await (await factory.CreateClientAsAsync(learner)).GetDocumentAsync(url);
        Assert.DoesNotContain("@a.test", learnerView.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(learnerView.QuerySelectorAll("main form[method=post]"));
    }
}
