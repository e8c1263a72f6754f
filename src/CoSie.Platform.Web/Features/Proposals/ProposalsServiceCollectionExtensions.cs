namespace CoSie.Platform.Web.Features.Proposals;

public static class ProposalsServiceCollectionExtensions
{
    public static IServiceCollection AddProposals(this IServiceCollection services) => services
        .AddScoped<ProposalAccess>()
        .AddScoped<ProposalCommands>()
        .AddScoped<ProposalBroadcaster>();
}
