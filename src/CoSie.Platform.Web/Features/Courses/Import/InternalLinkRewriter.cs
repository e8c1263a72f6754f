using CoSie.Platform.Web.Content;

namespace CoSie.Platform.Web.Features.Courses.Import;

public static class InternalLinkRewriter
{
    public static string Rewrite(string html, string? sourceSiteBaseUrl, Func<string, string?> hrefForSlug)
    {
        ArgumentNullException.ThrowIfNull(hrefForSlug);
        if (string.IsNullOrEmpty(html) || !TryParseSiteBase(sourceSiteBaseUrl, out var siteBase))
        {
            return html ?? string.Empty;
        }

        var body = HtmlFragments.Body(HtmlFragments.Parse(html));
        var changed = false;
        foreach (var anchor in body.QuerySelectorAll("a[href]"))
        {
            if (!TryGetTarget(anchor.GetAttribute("href")!, siteBase, out var slug, out var fragment)
                || hrefForSlug(slug) is not { Length: > 0 } replacement)
            {
                continue;
            }

            anchor.SetAttribute(
                "href",
                fragment.Length > 0 && !replacement.Contains('#', StringComparison.Ordinal) ? replacement + fragment : replacement);
            changed = true;
        }

        // Untouched HTML is returned as given, byte for byte.
        return changed ? HtmlFragments.Serialize(body) : html;
    }

    // WordPress puts a page at <site>/<parent>/<child>/<slug>/, and a multisite or sub-directory install
    // adds its own path in front (https://sola.kau.se/cosie/…). The link alone cannot tell the site path from
    // parent pages, so the first remaining segment is taken as the site path: right for sub-directory sites
    // like the CoSIE one, and for a root site it only narrows which links get rewritten, never widens it.
    // The importer prefers the exact base from the REST "_links.self" or "guid" fields when present.
    public static string? GetSiteBaseUrl(string? pageLink, string? slug)
    {
        if (!Uri.TryCreate(pageLink, UriKind.Absolute, out var link) || link.Scheme is not ("http" or "https"))
        {
            return null;
        }

        var segments = link.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (segments.Count > 0 && slug is not null
            && string.Equals(Slugs.FromText(segments[^1]), Slugs.FromText(slug), StringComparison.Ordinal))
        {
            segments.RemoveAt(segments.Count - 1);
        }

        var root = link.GetLeftPart(UriPartial.Authority) + "/";
        return segments.Count > 0 ? root + segments[0] + "/" : root;
    }

    internal static string NormalizeSiteBase(string siteBase) => siteBase.EndsWith('/') ? siteBase : siteBase + "/";

    internal static bool IsUnderSite(string url, string siteBase) =>
        TryParseSiteBase(siteBase, out var parsedBase)
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && SameSite(uri, parsedBase);

    private static bool TryParseSiteBase(string? value, out Uri siteBase)
    {
        siteBase = null!;
        if (string.IsNullOrWhiteSpace(value)
            || !Uri.TryCreate(NormalizeSiteBase(value.Trim()), UriKind.Absolute, out var parsed)
            || parsed.Scheme is not ("http" or "https"))
        {
            return false;
        }

        siteBase = parsed;
        return true;
    }

    private static bool TryGetTarget(string href, Uri siteBase, out string slug, out string fragment)
    {
        slug = string.Empty;
        fragment = string.Empty;
        var trimmed = href.Trim();
        Uri? target;
        if (trimmed.StartsWith('/'))
        {
            // Root-relative and protocol-relative links are relative to the source site.
            _ = Uri.TryCreate(siteBase, trimmed, out target);
        }
        else
        {
            _ = Uri.TryCreate(trimmed, UriKind.Absolute, out target);
        }

        if (target is null || target.Scheme is not ("http" or "https") || !SameSite(target, siteBase))
        {
            return false;
        }

        var rest = target.AbsolutePath[siteBase.AbsolutePath.Length..];
        var segments = rest.Split('/', StringSplitOptions.RemoveEmptyEntries);

        // Uploads, feeds and the REST API live under wp-* paths and are never pages.
        if (segments.Length == 0 || segments[0].StartsWith("wp-", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        slug = Slugs.FromText(segments[^1]);
        fragment = target.Fragment;
        return slug.Length > 0;
    }

    private static bool SameSite(Uri uri, Uri siteBase) =>
        string.Equals(uri.Host, siteBase.Host, StringComparison.OrdinalIgnoreCase)
        && uri.AbsolutePath.StartsWith(siteBase.AbsolutePath, StringComparison.OrdinalIgnoreCase);
}
