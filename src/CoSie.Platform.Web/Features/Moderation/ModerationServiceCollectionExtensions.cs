namespace CoSie.Platform.Web.Features.Moderation;

public static class ModerationServiceCollectionExtensions
{
    public static IServiceCollection AddModeration(this IServiceCollection services)
    {
        services.AddScoped<PreApproval>();
        services.AddScoped<PostModeration>();
        services.AddScoped<FlagResolution>();
        services.AddScoped<HidePost>();
        services.AddScoped<RestorePost>();
        services.AddScoped<LockThread>();
        services.AddScoped<PinReflection>();
        services.AddScoped<ModeratorEditPost>();
        services.AddScoped<PurgePost>();
        services.AddScoped<ApprovePost>();
        services.AddScoped<FlagPost>();
        services.AddScoped<ResolveFlags>();
        services.AddScoped<SuspendMember>();
        services.AddScoped<LiftSuspension>();
        services.AddScoped<ReviewItems>();
        services.AddScoped<ModerationScope>();
        return services;
    }
}
