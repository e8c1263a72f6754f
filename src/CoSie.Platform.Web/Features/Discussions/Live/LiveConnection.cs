using System.Collections.Concurrent;
using CoSie.Platform.Web.Localization;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.SignalR;

namespace CoSie.Platform.Web.Features.Discussions.Live;

// One open live connection: whose it is, the institution it is bound to, and the groups it was admitted to.
public sealed class LiveConnection(HubCallerContext context, Guid userId, HubCallBucket bucket, Locale locale)
{
    // The language and formats of the person on the page that opened the connection (RequestLocale), set again when
    // the connection is bound to an institution, whose language is the last fallback: what it is sent is written in them.
    public Locale Locale { get; set; } = locale;

    // The person's time zone, else that of the institution the connection is bound to.
    public TimeZoneInfo Zone => ReaderTimeZone.Of(Context.User ?? new(), Institution);

    public HubCallerContext Context { get; } = context;
    public Guid UserId { get; } = userId;
    public HubCallBucket Bucket { get; } = bucket;
    public InstitutionInfo? Institution { get; set; }

    // By group name.
    public ConcurrentDictionary<string, LiveGroup> Groups { get; } = new(StringComparer.Ordinal);
}
