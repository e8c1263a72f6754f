namespace CoSie.Platform.Web.Features.Synthesis;

public static class SynthesisServiceCollectionExtensions
{
    public static IServiceCollection AddSynthesis(this IServiceCollection services) => services
        .AddSingleton<YjsRuntime>()
        .AddSingleton<SynthesisPresence>()
        .AddHostedService(provider => provider.GetRequiredService<SynthesisPresence>())
        .AddScoped<SynthesisAccess>()
        .AddScoped<SynthesisDocuments>()
        .AddScoped<SynthesisBroadcaster>();
}
