namespace CoSie.Platform.Web.Features.Profiles;

public static class ProfilesServiceCollectionExtensions
{
    public static IServiceCollection AddProfiles(this IServiceCollection services)
    {
        services.AddScoped<MemberProfiles>();
        services.AddScoped<ProfilePictures>();
        return services;
    }
}
