using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using CoSie.Platform.Web.Hosting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.Web.Features.Account;

// One budget per client address for sending the account forms (pages that carry [EnableRateLimiting(Policy)]).
// Opening a form costs nothing. The address is the connection's, or the one a trusted proxy forwarded
// (ForwardedHeadersSettings); behind an untrusted proxy every client would share the proxy's budget. The budget is
// kept in PostgreSQL (AccountFormBudgets), so all app instances share it.
public sealed class AccountFormsRateLimit(IOptions<RateLimits> options, AccountFormBudgets budgets, TimeProvider clock) : IRateLimiterPolicy<string>
{
    public const string Policy = "account-forms";

    // Not an address, so no client can land in it.
    private const string NotAFormPost = "not a form post";

    // Refusals are answered by the rate limiter's own OnRejected (RateLimitingSettings).
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        if (!HttpMethods.IsPost(httpContext.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter(NotAFormPost);
        }
        var perMinute = options.Value.AccountFormsPerMinute;
        return RateLimitPartition.Get(ClientOf(httpContext.Connection.RemoteIpAddress), client => new AccountFormLimiter(client, perMinute, budgets, clock));
    }

    // An IPv6 client usually holds a whole /64 and can pick a new address from it for every request, so the /64 is
    // the client. IPv4 seen through a dual-stack socket is the IPv4 address.
    public static string ClientOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }
        return address.ToString();
    }
}
