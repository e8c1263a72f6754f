using CoSie.Platform.Web.Features.Discussions.Live;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.SignalR;

namespace CoSie.Platform.Web.Features.Proposals;

// Tells the open proposals pages of one module in one cohort that something changed, after the change committed. A
// failed push loses nothing: the page shows it on the next load.
public sealed class ProposalBroadcaster(IHubContext<DiscussionHub, IDiscussionClient> hub, TenantContext tenant, ILogger<ProposalBroadcaster> logger)
{
    public async Task ChangedAsync(ProposalPlace place, Guid proposalId, ProposalChange change, CancellationToken cancellationToken)
    {
        try
        {
            var group = DiscussionGroups.Proposals(tenant.Required.Id, place.Cohort.Id, place.Module.Id);
            await hub.Clients.Group(group).ProposalsChanged(new ProposalChangeMessage(place.Cohort.Id, place.Module.Id, proposalId, change));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not push a proposal change; pages show it when they load");
        }
    }
}
