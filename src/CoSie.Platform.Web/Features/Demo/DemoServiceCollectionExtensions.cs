namespace CoSie.Platform.Web.Features.Demo;

public static class DemoServiceCollectionExtensions
{
    public static IServiceCollection AddDemo(this IServiceCollection services) =>
        services.AddScoped<DemoSeeder>().AddScoped<DemoCourse>().AddScoped<DemoDiscussion>().AddScoped<DemoCoCreation>().AddScoped<DemoProvider>();
}
