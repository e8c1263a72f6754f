namespace CoSie.Platform.Web.Email;

public static class EmailServiceCollectionExtensions
{
    public static IServiceCollection AddPlatformEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.AddSingleton<EmailSender>();
        services.AddSingleton<MailLinks>();
        return services;
    }
}
