using CoSie.Platform.Web.Features.Admin.Accounts;
using CoSie.Platform.Web.Features.Admin.Institutions;

namespace CoSie.Platform.Web.Features.Admin;

public static class AdminServiceCollectionExtensions
{
    public static IServiceCollection AddPlatformAdmin(this IServiceCollection services) =>
        services
            .AddScoped<InstitutionSettingsCheck>()
            .AddScoped<AccountAdminEmails>()
            .AddScoped<AdministerAccount>();
}
