using CoSie.Platform.Web.Features.Discussions.Live;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.SignalR;

namespace CoSie.Platform.Web.Features.Synthesis;

// Relays a committed change to the synthesis's live pages (all but the one that sent it). A lost push loses nothing: a
// page that reconnects syncs with the stored document.
public sealed class SynthesisBroadcaster(IHubContext<DiscussionHub, IDiscussionClient> hub, TenantContext tenant, ILogger<SynthesisBroadcaster> logger)
{
    public async Task UpdatedAsync(Guid synthesisId, string update, string? exceptConnection, CancellationToken cancellationToken)
    {
        try
        {
            var group = DiscussionGroups.Synthesis(tenant.Required.Id, synthesisId);
            var message = new SynthesisUpdateMessage(synthesisId, update);
            await (exceptConnection is null ? hub.Clients.Group(group) : hub.Clients.GroupExcept(group, exceptConnection)).SynthesisUpdated(message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not relay a synthesis update; pages get it when they sync");
        }
    }
}
