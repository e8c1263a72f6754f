using CoSie.Platform.Web.Features.Courses;
using CoSie.Platform.Web.Features.Courses.Import;

namespace CoSie.Platform.Web.Features.Demo;

// The public CoSIE MOOC course with the seed page imported the way an instructor would import it, then
// published. Runs inside the demo institution's scope.
public sealed class DemoCourse(PlatformDbContext db, ModuleImporter importer, ImportModules imports, TimeProvider clock, ILogger<DemoCourse> logger)
{
    public const string CourseSlug = "cosie-mooc";
    private const string SeedResource = "Demo.spreading-co-creation.wp-rest.json";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Courses.AnyAsync(c => c.Slug == CourseSlug, cancellationToken))
        {
            return;
        }
        var now = clock.GetUtcNow();
        var course = new Course
        {
            Slug = CourseSlug,
            Title = "Co-creation of Service Innovation in Europe",
            Summary = "The CoSIE MOOC: what eight European pilots learned about co-creating public services with citizens, and how to spread it.",
            Visibility = CourseVisibility.Public,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Courses.Add(course);
        await db.SaveChangesAsync(cancellationToken);

        byte[] seed;
        await using (var stream = typeof(DemoCourse).Assembly.GetManifestResourceStream(SeedResource)
            ?? throw new InvalidOperationException($"The demo seed {SeedResource} is not embedded."))
        using (var buffer = new MemoryStream())
        {
            await stream.CopyToAsync(buffer, cancellationToken);
            seed = buffer.ToArray();
        }
        var result = importer.Parse("spreading-co-creation.wp-rest.json", seed, cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The demo seed does not import: {result.Error!.Message}");
        }
        // The CoSIE MOOC is written in English.
        var pages = ImportModules.ToInputs(result.Modules, "en");
        var modules = await imports.CreateAsync(course, pages, "spreading-co-creation.wp-rest.json", slug => $"/{DemoSeeder.InstitutionSlug}/courses/{CourseSlug}/{slug}", cancellationToken);
        foreach (var module in modules)
        {
            module.Status = ModuleStatus.Published;
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded the public course {Course} with {Count} modules", CourseSlug, modules.Count);
    }
}
