namespace CoSie.Platform.Web.Features.Lti.Launch;

// The origin (scheme, host and port) this tool answers on: a target link URI on it is one of this tool's addresses. Every
// institution's launch address shares the origin when institutions are told apart by path prefix, so the origin, not
// the full launch URL, is what a login or launch must name.
public static class ToolOrigin
{
    public static string Of(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    public static bool Owns(HttpRequest request, string? uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var target) && target.Scheme is "http" or "https"
        && string.Equals(target.GetLeftPart(UriPartial.Authority), new Uri(Of(request)).GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);
}
