namespace CoSie.Platform.Web.Email;

public static class EmailServiceCollectionExtensions
{
    public static IServiceCollection AddPlatformEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<EmailSender>();
        services.AddSingleton<MailLinks>();
        return services;
    }
}
