using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Domain;
using CoSie.Platform.Web.Features.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.BrowserTests.Infrastructure;

public static class SeedCourses
{
    public const string CosieCourseTitle = "Co-creation of Service Innovation in Europe";
    public const string CosieCourseSlug = DemoCourse.CourseSlug;
    public const string CosieModuleSlug = "spreading-co-creation";

    // The public CoSIE course with its published "Spreading co-creation" module, imported the way the demo imports it.
    public static Task CosieCourseAsync(this PlatformFactory factory, Institution institution) =>
        factory.InInstitutionAsync(institution.Id, async (services, _) =>
        {
            await services.GetRequiredService<DemoCourse>().SeedAsync();
            return true;
        });
}
