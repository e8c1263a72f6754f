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
        // An IPv6 address that carries an IPv4 one reaches that IPv4 address, and is judged as it.
        address = EmbeddedIPv4(address) ?? address;
        return !IsInternal(address) || _allowed.Any(network => network.Contains(address));
    }

    // Whether a site's host is one an import may read, judged on the form so that a private address gets its message
    // there: an address as written (decimal, octal or hex IPv4 included, which parse to the address they mean), else
    // the addresses its name resolves to now. ConnectAsync judges every connection again, so a name that changes in
    // between is refused all the same; a name that does not resolve is left to the reading, which says so.
    public async Task<bool> AllowsHostAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var literal))
        {
            return IsAllowed(literal);
        }

        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
            return addresses.Length == 0 || addresses.Any(IsAllowed);
        }
        catch (SocketException)
        {
            return true;
        }
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

    // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96), 6to4 (2002::/16) and Teredo
    // (2001::/32, its client address inverted) addresses lead to the IPv4 address inside them.
    private static IPAddress? EmbeddedIPv4(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        var b = address.GetAddressBytes();
        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0
            || (b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0))
        {
            return new IPAddress(b.AsSpan(12, 4));
        }

        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return new IPAddress(b.AsSpan(2, 4));
        }

        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0)
        {
            return new IPAddress([(byte)~b[12], (byte)~b[13], (byte)~b[14], (byte)~b[15]]);
        }

        return null;
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
