namespace CoSie.Platform.IntegrationTests.Infrastructure;

public static class UriExtensions
{
    // Redirect locations may be relative or absolute; tests compare the path and query only.
    public static string PathAndQuery(this Uri location) =>
        location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
}
