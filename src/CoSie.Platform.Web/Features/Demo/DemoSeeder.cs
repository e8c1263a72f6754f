using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Identity;

namespace CoSie.Platform.Web.Features.Demo;

// Demo content for `./cosie run`: the CoSIE Demo institution and people to sign in as. Running it again
// changes nothing that exists already.
public sealed class DemoSeeder(
    PlatformDbContext db,
    UserManager<PlatformUser> users,
    TenantScopes tenantScopes,
    InstitutionDirectory directory,
    TimeProvider clock,
    ILogger<DemoSeeder> logger)
{
    public const string InstitutionSlug = "cosie";
    public const string Password = "cosie-demo-password";

    public static readonly IReadOnlyList<DemoPerson> People =
    [
        new("admin@cosie.example", "Petra Platform", InstitutionRole.Admin, PlatformAdmin: true),
        new("instructor@cosie.example", "Ines Instructor", InstitutionRole.Instructor),
        new("aino@cosie.example", "Aino Virtanen", InstitutionRole.Learner),
        new("bartek@cosie.example", "Bartek Nowak", InstitutionRole.Learner),
        new("carmen@cosie.example", "Carmen López", InstitutionRole.Learner),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var institution = await db.Institutions.SingleOrDefaultAsync(i => i.Slug == InstitutionSlug, cancellationToken);
        if (institution is null)
        {
            institution = new Institution
            {
                Slug = InstitutionSlug,
                Name = "CoSIE Demo",
                TimeZoneId = "Europe/Stockholm",
                DefaultCulture = "en-GB",
                CreatedAt = clock.GetUtcNow(),
            };
            db.Institutions.Add(institution);
            await db.SaveChangesAsync(cancellationToken);
            directory.Invalidate();
        }

        await using var scope = tenantScopes.Enter(InstitutionInfo.From(institution));
        var tenantDb = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        foreach (var person in People)
        {
            var user = await users.FindByEmailAsync(person.Email);
            if (user is null)
            {
                user = new PlatformUser
                {
                    UserName = person.Email,
                    Email = person.Email,
                    EmailConfirmed = true,
                    DisplayName = person.Name,
                    IsPlatformAdmin = person.PlatformAdmin,
                    CreatedAt = clock.GetUtcNow(),
                };
                var created = await users.CreateAsync(user, Password);
                if (!created.Succeeded)
                {
                    throw new InvalidOperationException($"Could not create demo user {person.Email}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
                }
            }
            if (person.Role is { } role && !await tenantDb.InstitutionMemberships.AnyAsync(m => m.UserId == user.Id, cancellationToken))
            {
                tenantDb.InstitutionMemberships.Add(new InstitutionMembership { UserId = user.Id, Role = role, CreatedAt = clock.GetUtcNow() });
            }
        }
        await tenantDb.SaveChangesAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<DemoCourse>().SeedAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<DemoDiscussion>().SeedAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<DemoCoCreation>().SeedAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<DemoProvider>().SeedAsync(cancellationToken);

        logger.LogInformation("Demo institution {Name} is at /{Slug}", institution.Name, institution.Slug);
        PrintPeople();
    }

    // The console is the point: the person who ran ./cosie run needs these to sign in.
    private static void PrintPeople()
    {
        Console.WriteLine();
        Console.WriteLine("  Demo sign-ins (password for all: " + Password + ")");
        foreach (var person in People)
        {
            var role = person.PlatformAdmin ? "platform admin" : person.Role?.ToString().ToLowerInvariant();
            Console.WriteLine($"    {person.Email,-28} {person.Name,-18} {role}");
        }
        Console.WriteLine();
    }
}
