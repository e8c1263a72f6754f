using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Identity;

namespace CoSie.Platform.IntegrationTests.Cohorts;

public sealed class CohortAccessTests(CohortAccessTests.Factory factory) : IClassFixture<CohortAccessTests.Factory>
{
    public sealed class Factory : CohortFactory
    {
        public Cohort Cohort { get; private set; } = null!;
        public Cohort Other { get; private set; } = null!;
        public CohortMember LearnerMember { get; private set; } = null!;
        public CohortInvitation Invitation { get; private set; } = null!;
        public PlatformUser Learner { get; private set; } = null!;
        public PlatformUser Stranger { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Cohort = await CohortAsync("Guarded");
            Other = await CohortAsync("Another one");
            Learner = await PersonInCohortAsync(Cohort, CohortRole.Learner);
            LearnerMember = (await MembersOfAsync(Cohort.Id)).Single(m => m.UserId == Learner.Id);
            Invitation = await InInstitutionAsync(A.Id, async (_, db) =>
            {
                var invitation = new CohortInvitation { CohortId = Cohort.Id, Email = "invited@x.test", Role = CohortRole.Observer, CreatedAt = Clock.GetUtcNow() };
                db.CohortInvitations.Add(invitation);
                await db.SaveChangesAsync();
                return invitation;
            });
            // A member of institution B only, who is even an admin there.
            Stranger = await this.MemberAsync(B, "stranger@b.test", InstitutionRole.Admin);
        }

        public IEnumerable<string> ManagePages =>
        [
            Url($"/cohorts/{Cohort.Id}/edit"),
            Url($"/cohorts/{Cohort.Id}/roster"),
            Url($"/cohorts/{Cohort.Id}/invite/regenerate"),
            Url($"/cohorts/{Cohort.Id}/members/{LearnerMember.Id}/remove"),
            Url($"/cohorts/{Cohort.Id}/invitations/{Invitation.Id}/revoke"),
        ];
    }

    private async Task AssertUnchangedAsync()
    {
        var cohort = (await factory.FindCohortAsync(factory.Cohort.Id))!;
        Assert.Equal("Guarded", cohort.Name);
        Assert.Equal(factory.Cohort.InviteCode, cohort.InviteCode);
        Assert.True(cohort.InviteEnabled);
        var members = await factory.MembersOfAsync(factory.Cohort.Id);
        Assert.Equal(CohortRole.Learner, Assert.Single(members, m => m.Id == factory.LearnerMember.Id).Role);
        Assert.Single(await factory.InvitationsOfAsync(factory.Cohort.Id));
    }

    [Fact]
    public async Task A_learner_of_the_cohort_gets_403_on_every_manage_page()
    {
        var client = await factory.CreateClientAsAsync(factory.Learner);
        foreach (var url in factory.ManagePages)
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"GET {url} answered {(int)response.StatusCode}");
        }
        using var overview = await client.GetAsync(factory.Url($"/cohorts/{factory.Cohort.Id}"));
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.DoesNotContain(factory.Cohort.InviteCode, await overview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_learners_posts_to_manage_pages_are_refused_and_change_nothing()
    {
        var client = await factory.CreateClientAsAsync(factory.Learner);
        // A valid antiforgery token for this person, from a page they may use: the refusal must come from the page.
        var form = await client.AnyFormAsync(factory.Url($"/join/{factory.Other.InviteCode}"));
        var posts = new (string Url, Dictionary<string, string> Values)[]
        {
            (factory.Url($"/cohorts/{factory.Cohort.Id}/edit"), new() { ["Input.Name"] = "Hijacked", ["Input.StartsOn"] = "2026-10-01", ["Input.EditWindowMinutes"] = "5", ["Input.DigestHour"] = "3", ["Input.DigestDay"] = "Monday" }),
            (factory.Url($"/cohorts/{factory.Cohort.Id}?handler=DisableInvite"), new()),
            (factory.Url($"/cohorts/{factory.Cohort.Id}/invite/regenerate"), new()),
            (factory.Url($"/cohorts/{factory.Cohort.Id}/members?handler=Role"), new() { ["memberId"] = factory.LearnerMember.Id.ToString(), ["role"] = "Instructor" }),
            (factory.Url($"/cohorts/{factory.Cohort.Id}/members/{factory.LearnerMember.Id}/remove"), new()),
            (factory.Url($"/cohorts/{factory.Cohort.Id}/invitations/{factory.Invitation.Id}/revoke"), new()),
            (factory.Url($"/cohorts/{factory.Cohort.Id}/roster"), new()),
        };

        foreach (var (url, values) in posts)
        {
            Assert.True(await client.PostWithFormAsync(form, url, values) == HttpStatusCode.Forbidden, $"POST {url} was not refused with 403");
        }
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task An_institution_member_outside_the_cohort_gets_403_and_an_admin_may_manage()
    {
        var member = await factory.MemberAsync(factory.A, $"{Guid.NewGuid():N}@a.test", InstitutionRole.Instructor);
        var memberClient = await factory.CreateClientAsAsync(member);
        using var overview = await memberClient.GetAsync(factory.Url($"/cohorts/{factory.Cohort.Id}"));
        Assert.Equal(HttpStatusCode.Forbidden, overview.StatusCode);
        using var roster = await memberClient.GetAsync(factory.Url($"/cohorts/{factory.Cohort.Id}/roster"));
        Assert.Equal(HttpStatusCode.Forbidden, roster.StatusCode);

        var admin = await factory.MemberAsync(factory.A, $"{Guid.NewGuid():N}@a.test", InstitutionRole.Admin);
        var adminClient = await factory.CreateClientAsAsync(admin);
        foreach (var url in factory.ManagePages)
        {
            using var response = await adminClient.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode} to an admin");
        }
    }

    [Fact]
    public async Task A_member_of_another_institution_gets_404_on_every_cohort_page_for_GET_and_POST()
    {
        var client = await factory.CreateClientAsAsync(factory.Stranger);
        var pages = factory.ManagePages.Concat(
        [
            factory.Url("/cohorts"),
            factory.Url("/cohorts/new"),
            factory.Url($"/cohorts/{factory.Cohort.Id}"),
            factory.Url($"/cohorts/{factory.Cohort.Id}/members"),
        ]).ToList();

        foreach (var url in pages)
        {
            using var get = await client.GetAsync(url);
            Assert.True(get.StatusCode == HttpStatusCode.NotFound, $"GET {url} answered {(int)get.StatusCode}");
            using var post = await client.PostAsync(url, new FormUrlEncodedContent([new("Input.Name", "Hijacked")]));
            Assert.True(post.StatusCode == HttpStatusCode.NotFound, $"POST {url} answered {(int)post.StatusCode}");
        }
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task Cohort_pages_of_institution_A_do_not_exist_under_institution_Bs_address()
    {
        var client = await factory.CreateClientAsAsync(factory.Stranger);
        using var overview = await client.GetAsync($"/{factory.B.Slug}/cohorts/{factory.Cohort.Id}");
        Assert.Equal(HttpStatusCode.NotFound, overview.StatusCode);
        using var members = await client.GetAsync($"/{factory.B.Slug}/cohorts/{factory.Cohort.Id}/members");
        Assert.Equal(HttpStatusCode.NotFound, members.StatusCode);
    }

    [Fact]
    public async Task An_invite_code_of_institution_A_answers_404_under_institution_Bs_address()
    {
        var client = await factory.CreateClientAsAsync(factory.Stranger);
        var url = $"/{factory.B.Slug}/join/{factory.Cohort.InviteCode}";

        using var get = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        // The antiforgery cookie belongs to B's address, so the token comes from a join page of B's own.
        var courseOfB = await factory.CourseAsync(factory.B, "b-course", "A course of B");
        var cohortOfB = await Seed.CohortAsync(factory, factory.B, courseOfB, "B's cohort");
        var form = await client.AnyFormAsync($"/{factory.B.Slug}/join/{cohortOfB.InviteCode}");
        Assert.Equal(HttpStatusCode.NotFound, await client.PostWithFormAsync(form, url));

        Assert.DoesNotContain(await factory.MembersOfAsync(factory.Cohort.Id), m => m.UserId == factory.Stranger.Id);
        Assert.Null(await factory.MembershipAsync(factory.A, factory.Stranger.Id));
    }
}
