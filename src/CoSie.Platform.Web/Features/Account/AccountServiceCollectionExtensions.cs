namespace CoSie.Platform.Web.Features.Account;

public static class AccountServiceCollectionExtensions
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddScoped<AccountEmails>();
        services.AddSingleton<AccountFormBudgets>();
        services.AddRateLimiter(options => options.AddPolicy<string, AccountFormsRateLimit>(AccountFormsRateLimit.Policy));
        return services;
    }
}
