using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CoSie.Platform.Web.Hosting;

// Which reverse proxies may tell the app the client's address, scheme and host. Behind a proxy on the same Docker
// network the proxy's address changes with every restart, so a whole network (CIDR) can be trusted as well as
// single addresses. Anything else is ignored, so a client cannot claim HTTPS or another host name by itself.
public static class ForwardedHeadersSettings
{
    public const string KnownProxiesKey = "ForwardedHeaders:KnownProxies";
    public const string KnownNetworksKey = "ForwardedHeaders:KnownNetworks";

    public static void Apply(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        foreach (var proxy in List(configuration[KnownProxiesKey]))
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                ? address
                : throw Invalid(KnownProxiesKey, proxy, "an IP address such as 10.0.0.5"));
        }
        foreach (var network in List(configuration[KnownNetworksKey]))
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var range)
                ? range
                : throw Invalid(KnownNetworksKey, network, "a network in CIDR notation such as 172.16.0.0/12"));
        }
    }

    private static string[] List(string? value) =>
        (value ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // Fails at start-up: a mistyped proxy address would otherwise silently turn forwarded headers off.
    private static InvalidOperationException Invalid(string key, string value, string expected) =>
        new($"{key} holds '{value}', which is not {expected}. Separate several entries with commas.");
}
