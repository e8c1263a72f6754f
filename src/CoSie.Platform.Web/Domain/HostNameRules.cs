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

    // Returns a message template whose {0} is the host name, or null when the host name is fine.
    public static string? Validate(string hostName)
    {
        if (hostName.Contains("://", StringComparison.Ordinal) || hostName.Contains('/', StringComparison.Ordinal))
        {
            return "“{0}” is an address, not a host name: leave out the scheme and the path (for example learn.example.org).";
        }
        if (hostName.Contains(':', StringComparison.Ordinal))
        {
            return "“{0}” carries a port; enter the host name alone.";
        }
        if (hostName.Length > MaxLength)
        {
            return "“{0}” is longer than a host name may be.";
        }
        if (IPAddress.TryParse(hostName, out _))
        {
            return "“{0}” is an IP address; an institution is bound to a host name.";
        }
        if (!Shape().IsMatch(hostName))
        {
            return "“{0}” is not a valid host name: use letters, digits and hyphens, in labels of up to 63 characters separated by dots.";
        }
        return null;
    }

    [GeneratedRegex(@"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
