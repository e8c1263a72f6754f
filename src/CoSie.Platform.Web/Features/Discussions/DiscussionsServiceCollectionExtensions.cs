using Microsoft.AspNetCore.SignalR;

namespace CoSie.Platform.Web.Features.Discussions;

public static class DiscussionsServiceCollectionExtensions
{
    public static IServiceCollection AddDiscussions(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DiscussionOptions>(configuration.GetSection("Discussions"));
        services.AddScoped<DiscussionAccess>();
        services.AddScoped<PostBody>();
        services.AddScoped<Mentions>();
        services.AddScoped<DiscussionNotifications>();
        services.AddScoped<WriteReflection>();
        services.AddScoped<ReplyToReflection>();
        services.AddScoped<EditPost>();
        services.AddScoped<DeletePost>();
        services.AddScoped<MarkHelpful>();
        services.AddScoped<ThreadReader>();
        services.AddScoped<ThreadEventMessages>();
        services.AddScoped<DiscussionBroadcaster>();
        services.AddScoped<DiscussionProgress>();
        services.AddScoped<NotificationBadge>();
        services.AddSingleton<ThreadRenderer>();
        services.AddSingleton<ThreadCache>();
        services.AddSingleton<PostingRateLimit>();
        services.AddSingleton<LiveConnections>();
        services.AddSingleton<AccountCheck>();
        services.AddSingleton<DiscussionHubFilter>();
        services.AddSignalR(options => options.AddFilter<DiscussionHubFilter>());
        return services;
    }

    // Before authentication: a handshake from a foreign origin is refused whoever it claims to be.
    public static IApplicationBuilder UseDiscussionOriginCheck(this IApplicationBuilder app) => app.UseMiddleware<HubOriginCheck>();

    public static WebApplication MapDiscussions(this WebApplication app)
    {
        app.MapHub<DiscussionHub>(HubOriginCheck.HubPath);
        return app;
    }
}
