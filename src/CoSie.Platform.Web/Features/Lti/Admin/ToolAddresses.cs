namespace CoSie.Platform.Web.Features.Lti.Admin;

// The tool's addresses in full, as the LMS needs them, for the institution of the request (its path prefix or host).
public sealed record ToolAddresses(string Login, string Launch, string KeySet, string Domain)
{
    public static ToolAddresses For(HttpRequest request)
    {
        var root = $"{request.Scheme}://{request.Host}{request.PathBase}";
        return new ToolAddresses(root + LtiPaths.Login, root + LtiPaths.Launch, root + LtiPaths.KeySet, request.Host.Host);
    }
}
