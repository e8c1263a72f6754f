using System.Net;
using System.Text.RegularExpressions;

namespace CoSie.Platform.Web.Domain;

// The host names an institution answers on. Requests are matched on the host alone (no scheme, no port), in
// lower case, so that is how they are stored.
public static partial class HostNameRules
{
    public const int MaxLength = 253;
    public const int MaxPerInstitution = 20;

    // Accepts one host name per line or comma-separated; blanks and repeats are dropped.
    public static IReadOnlyList<string> Split(string? text) =>
        (text ?? string.Empty)
            .Split([',', '\n', '\r', ' ', '\t', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(h => h.ToLowerInvariant().TrimEnd('.'))
            .Where(h => h.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    // Null when the host name is fine.
    public static HostNameProblem? Validate(string hostName)
    {
        if (hostName.Contains("://", StringComparison.Ordinal) || hostName.Contains('/', StringComparison.Ordinal))
        {
            return HostNameProblem.Address;
        }
        if (hostName.Contains(':', StringComparison.Ordinal))
        {
            return HostNameProblem.Port;
        }
        if (hostName.Length > MaxLength)
        {
            return HostNameProblem.TooLong;
        }
        if (IPAddress.TryParse(hostName, out _))
        {
            return HostNameProblem.IpAddress;
        }
        if (!Shape().IsMatch(hostName))
        {
            return HostNameProblem.Shape;
        }
        return null;
    }

    [GeneratedRegex(@"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
