using CoSie.Platform.Web.Content;
using CoSie.Platform.Web.Features.Courses.Import;
using CoSie.Platform.Web.Features.Courses.Media;

namespace CoSie.Platform.Web.Features.Courses;

public static class CourseServiceCollectionExtensions
{
    public static IServiceCollection AddCourses(this IServiceCollection services)
    {
        services.AddSingleton<HtmlContentSanitizer>();
        services.AddSingleton<MarkdownRenderer>();
        services.AddOptions<ImportLimits>().BindConfiguration(ImportLimits.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ModuleImporter>();
        services.AddScoped<CourseAccess>();
        services.AddScoped<CourseSlugs>();
        services.AddScoped<CourseProgress>();
        services.AddScoped<ModuleEditing>();
        services.AddScoped<ImportModules>();
        services.AddImportMedia();
        return services;
    }
}
