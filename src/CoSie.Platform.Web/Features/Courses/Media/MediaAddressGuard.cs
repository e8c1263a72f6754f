using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.Web.Features.Courses.Media;

// Decides, for every connection the media client opens (redirects included), whether the address it resolved to may be
// reached. Checked at connect time, after DNS, so a name that resolves to a private address (or changes between a
// check and the fetch) is refused all the same.
public sealed class MediaAddressGuard(IOptions<MediaOptions> options)
{
    private readonly IReadOnlyList<IPNetwork> _allowed = options.Value.AllowedPrivateNetworks.Select(IPNetwork.Parse).ToList();

    public bool IsAllowed(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return !IsInternal(address) || _allowed.Any(network => network.Contains(address));
    }

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
        var usable = addresses.Where(IsAllowed).ToList();
        if (addresses.Length > 0 && usable.Count == 0)
        {
            throw new MediaAddressRefusedException(context.DnsEndPoint.Host);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(usable.ToArray(), context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static bool IsInternal(IPAddress address)
    {
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast;
        }

        var b = address.GetAddressBytes();
        return b[0] switch
        {
            0 or 10 or 127 => true,
            100 => b[1] is >= 64 and <= 127,
            169 => b[1] == 254,
            172 => b[1] is >= 16 and <= 31,
            192 => b[1] == 168 || (b[1] == 0 && b[2] is 0 or 2),
            198 => b[1] is 18 or 19,
            >= 224 => true,
            _ => false,
        };
    }
}
