namespace CoSie.Platform.Web.Features.Insight;

public static class InsightServiceCollectionExtensions
{
    public static IServiceCollection AddInsight(this IServiceCollection services)
    {
        services.AddScoped<CohortInsightQueries>();
        services.AddScoped<SendReminders>();
        services.AddScoped<ReminderMails>();
        services.AddScoped<ReminderMail>();
        services.AddScoped<ReminderMailJob>();
        return services;
    }
}
