namespace CoSie.Platform.Web.Features.Cohorts;

public static class CohortsServiceCollectionExtensions
{
    public static IServiceCollection AddCohorts(this IServiceCollection services)
    {
        services.AddScoped<CohortAccess>();
        services.AddScoped<CohortCalendar>();
        services.AddScoped<JoinCohort>();
        services.AddScoped<ManageCohortMembers>();
        services.AddScoped<RosterCsv>();
        services.AddScoped<ImportRoster>();
        services.AddScoped<InvitationEmail>();
        return services;
    }
}
