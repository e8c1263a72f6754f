using System.Collections.Concurrent;
using CoSie.Platform.BrowserTests.Infrastructure;
using CoSie.Platform.Web.Data;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.BrowserTests.Layout;

// The demo institution as `./cosie run` seeds it (people, course, a cohort with a discussion and a flag), plus one
// of every row the management pages list: an invitation, a suspension, an audit line and a sign-in provider, each
// with long words, so that those pages show full tables.
public sealed class DemoSiteFactory : BrowserAppFactory
{
    public const string Institution = DemoSeeder.InstitutionSlug;
    public const string Password = DemoSeeder.Password;
    public const string PlatformAdmin = "admin@cosie.example";
    public const string Instructor = "instructor@cosie.example";
    public const string Learner = "aino@cosie.example";

    public Guid InstitutionId { get; private set; }
    public Guid CohortId { get; private set; }
    public Guid LearnerId { get; private set; }

    // The module of the demo cohort's pending proposal.
    public Guid ModuleId { get; private set; }

    // The kinds of page the crawl has checked at 1280 px on this site, by any person (ReachablePagesTests).
    public ConcurrentDictionary<string, bool> PagesCheckedWide { get; } = new(StringComparer.OrdinalIgnoreCase);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await WithServicesAsync(async services =>
        {
            await services.GetRequiredService<DemoSeeder>().SeedAsync();
            return true;
        });
        var institution = await WithServicesAsync(services =>
            services.GetRequiredService<PlatformDbContext>().Institutions.AsNoTracking().SingleAsync(i => i.Slug == Institution));
        InstitutionId = institution.Id;
        LearnerId = await WithServicesAsync(services =>
            services.GetRequiredService<PlatformDbContext>().Users.Where(u => u.Email == Learner).Select(u => u.Id).SingleAsync());
        CohortId = await InInstitutionAsync(InstitutionId, async (_, db) =>
        {
            var now = Clock.GetUtcNow();
            var cohort = await db.Cohorts.SingleAsync(c => c.Name == DemoDiscussion.CohortName);
            var instructor = await db.CohortMembers.Where(m => m.CohortId == cohort.Id && m.Role == CohortRole.Instructor).Select(m => m.UserId).FirstAsync();
            db.CohortInvitations.Add(new CohortInvitation
            {
                CohortId = cohort.Id,
                Email = "maria-magdalena.kowalczyk-wisniewska@hallinto.example.org",
                Name = "Maria Magdalena Kowalczyk-Wiśniewska",
                Role = CohortRole.Learner,
                CreatedAt = now,
            });
            db.CohortSuspensions.Add(new CohortSuspension
            {
                CohortId = cohort.Id,
                UserId = LearnerId,
                From = now,
                Until = now.AddDays(3),
                Reason = "Repeated off-topic advertising in the cohort's threads",
                SuspendedById = instructor,
            });
            db.ModerationActions.Add(new ModerationAction
            {
                CohortId = cohort.Id,
                ModeratorId = instructor,
                Kind = ModerationActionKind.Suspend,
                SubjectUserId = LearnerId,
                Reason = "Repeated off-topic advertising in the cohort's threads",
                At = now,
            });
            db.SignInProviders.Add(new SignInProvider
            {
                DisplayName = "Yliopiston kertakirjautuminen",
                Issuer = "https://login.yliopisto.example.org/realms/henkilokunta-ja-opiskelijat",
                ClientId = "cosie",
                CreatedAt = now,
                UpdatedAt = now,
            });
            await db.SaveChangesAsync();
            return cohort.Id;
        });
        ModuleId = await InInstitutionAsync(InstitutionId, (_, db) => db.PromptProposals.Where(p => p.CohortId == CohortId).Select(p => p.ModuleId).FirstAsync());
    }
}
