using CoSie.Platform.Web.Features.Discussions.Live;
using CoSie.Platform.Web.Features.Discussions.Notifications;
using CoSie.Platform.Web.Features.Discussions.Outbox;
using CoSie.Platform.Web.Features.Discussions.Posts;
using CoSie.Platform.Web.Features.Discussions.Progress;
using CoSie.Platform.Web.Features.Discussions.Reflections;
using CoSie.Platform.Web.Features.Discussions.Threads;
using CoSie.Platform.Web.Hosting;
using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace CoSie.Platform.Web.Features.Discussions;

public static class DiscussionsServiceCollectionExtensions
{
    public const int MaxHubMessageBytes = 32 * 1024;

    public static IServiceCollection AddDiscussions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DiscussionOptions>().Bind(configuration.GetSection(DiscussionOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<DiscussionAccess>();
        services.AddScoped<PostBody>();
        services.AddScoped<PostingRateLimit>();
        services.AddScoped<Mentions>();
        services.AddScoped<DiscussionNotifications>();
        services.AddScoped<NotificationMails>();
        services.AddScoped<NotificationMail>();
        services.AddScoped<NotificationMailJob>();
        services.AddScoped<Threads.ThreadSubscriptions>();
        services.AddScoped<WriteReflection>();
        services.AddScoped<Drafts.DraftStore>();
        services.AddScoped<ReplyToReflection>();
        services.AddScoped<EditPost>();
        services.AddScoped<DeletePost>();
        services.AddScoped<MarkHelpful>();
        services.AddScoped<ThreadLoader>();
        services.AddScoped<ThreadEventMessages>();
        services.AddScoped<DiscussionBroadcaster>();
        services.AddScoped<DiscussionOutbox>();
        services.AddScoped<OutboxDelivery>();
        services.AddScoped<PostStatusListeners>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<LivePushes>();
        services.AddHostedService(provider => provider.GetRequiredService<LivePushes>());
        services.AddSingleton<OutboxWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxWorker>());
        services.AddScoped<DiscussionProgress>();
        services.AddScoped<NotificationBadge>();
        services.AddSingleton<ThreadRenderer>();
        services.AddSingleton<ThreadCache>();
        services.AddSingleton<LiveConnections>();
        services.AddSingleton<ScaleOutRedis>();
        services.AddSingleton<LiveCutOffRelay>();
        services.AddHostedService(provider => provider.GetRequiredService<LiveCutOffRelay>());
        services.AddSingleton<ISessionEnder>(provider => provider.GetRequiredService<LiveConnections>());
        services.AddHostedService<LiveAccountSweep>();
        services.AddSingleton<DiscussionHubFilter>();
        var signalR = services.AddSignalR(options =>
        {
            options.AddFilter<DiscussionHubFilter>();
            // Hub calls carry ids and a sequence number; a message larger than this ends the connection. (SignalR's
            // default, stated here so that it is a decision: docs/security.md.)
            options.MaximumReceiveMessageSize = MaxHubMessageBytes;
        });
        if (configuration[ScaleOutSettings.RedisConnection] is { Length: > 0 } redis)
        {
            // Several instances: a group or a person's connections may sit on any of them; Redis carries each message
            // to all. The prefix keeps this app's channels apart on a Redis server that others share.
            signalR.AddStackExchangeRedis(redis, options =>
                options.Configuration.ChannelPrefix = RedisChannel.Literal(ScaleOutSettings.RedisChannelPrefix));
        }
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
