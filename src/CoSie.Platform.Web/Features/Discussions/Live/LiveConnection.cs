using System.Collections.Concurrent;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.SignalR;

namespace CoSie.Platform.Web.Features.Discussions.Live;

// One open live connection: whose it is, the institution it is bound to, and the groups it was admitted to.
public sealed class LiveConnection(HubCallerContext context, Guid userId, HubCallBucket bucket)
{
    public HubCallerContext Context { get; } = context;
    public Guid UserId { get; } = userId;
    public HubCallBucket Bucket { get; } = bucket;
    public InstitutionInfo? Institution { get; set; }

    // By group name.
    public ConcurrentDictionary<string, LiveGroup> Groups { get; } = new(StringComparer.Ordinal);
}
