using Microsoft.AspNetCore.Identity;

namespace CoSie.Platform.Web.Features.Account;

public static class AccountServiceCollectionExtensions
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddScoped<AccountEmails>();
        services.AddScoped<SignInWithPassword>();
        // The hasher is scoped; the dummy hash it makes once is not.
        services.AddSingleton(provider =>
        {
            using var scope = provider.CreateScope();
            return DummyPasswordHash.Make(scope.ServiceProvider.GetRequiredService<IPasswordHasher<PlatformUser>>());
        });
        services.AddSingleton<AccountMailOutbox>();
        services.AddHostedService(provider => provider.GetRequiredService<AccountMailOutbox>());
        services.AddSingleton<LockoutNotices>();
        services.AddSingleton<AccountFormBudgets>();
        services.AddRateLimiter(options => options.AddPolicy<string, AccountFormsRateLimit>(AccountFormsRateLimit.Policy));
        return services;
    }
}
