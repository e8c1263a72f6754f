using CoSie.Platform.Web.Data;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Identity;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.IntegrationTests.Infrastructure;

// Creates what a test starts from: institutions and people here, courses and cohorts in Seed.Courses.cs, posts in
// Seed.Discussions.cs. Every builder takes the institution it writes in, so each fixture names its own scenario and
// seeds it in the same words.
public static partial class Seed
{
    public const string Password = "correct horse battery staple";

    public static Task<Institution> InstitutionAsync(this PlatformFactory factory, string slug, string? name = null, params string[] hostNames) =>
        factory.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<PlatformDbContext>();
            var institution = new Institution
            {
                Slug = slug,
                Name = name ?? $"Institution {slug}",
                HostNames = [.. hostNames],
                TimeZoneId = "Europe/Helsinki",
                CreatedAt = factory.Clock.GetUtcNow(),
            };
            db.Institutions.Add(institution);
            await db.SaveChangesAsync();
            services.GetRequiredService<InstitutionDirectory>().Invalidate();
            return institution;
        });

    public static Task<PlatformUser> UserAsync(this PlatformFactory factory, string email, string? name = null, bool confirmed = true, bool platformAdmin = false) =>
        factory.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PlatformUser>>();
            var user = new PlatformUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = confirmed,
                DisplayName = name ?? email.Split('@')[0],
                IsPlatformAdmin = platformAdmin,
                CreatedAt = factory.Clock.GetUtcNow(),
            };
            var result = await users.CreateAsync(user, Password);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
            return user;
        });

    public static Task<InstitutionMembership> MemberAsync(this PlatformFactory factory, Institution institution, PlatformUser user, InstitutionRole role) =>
        factory.InInstitutionAsync(institution.Id, async (_, db) =>
        {
            var membership = new InstitutionMembership { UserId = user.Id, Role = role, CreatedAt = factory.Clock.GetUtcNow() };
            db.InstitutionMemberships.Add(membership);
            await db.SaveChangesAsync();
            return membership;
        });

    public static async Task<PlatformUser> MemberAsync(this PlatformFactory factory, Institution institution, string email, InstitutionRole role)
    {
        var user = await factory.UserAsync(email);
        await factory.MemberAsync(institution, user, role);
        return user;
    }
}
