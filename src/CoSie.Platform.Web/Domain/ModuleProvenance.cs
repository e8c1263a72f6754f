namespace CoSie.Platform.Web.Domain;

// Where an imported module came from, kept for the instructor and for re-imports.
public sealed class ModuleProvenance
{
    public string Kind { get; set; } = string.Empty;
    public string? SourceUrl { get; set; }
    public string? SourceId { get; set; }

    // The WordPress site the object belongs to, so that its id means one object (ids repeat across sites).
    public string? SiteBaseUrl { get; set; }
    public string? FileName { get; set; }
    public DateTimeOffset ImportedAt { get; set; }

    // Whether an imported page is this module's source object again: the same WordPress id on the same site, else the
    // same address. A page with neither (a Markdown file) is never the same object; it becomes a new module.
    public bool IsSameSource(string? sourceUrl, string? sourceId, string? siteBaseUrl)
    {
        if (!string.IsNullOrEmpty(SourceId) && !string.IsNullOrEmpty(SiteBaseUrl) && !string.IsNullOrEmpty(sourceId) && !string.IsNullOrEmpty(siteBaseUrl))
        {
            return string.Equals(SourceId, sourceId, StringComparison.Ordinal) && string.Equals(Normal(SiteBaseUrl), Normal(siteBaseUrl), StringComparison.OrdinalIgnoreCase);
        }
        return !string.IsNullOrEmpty(SourceUrl) && !string.IsNullOrEmpty(sourceUrl)
            && string.Equals(Normal(SourceUrl), Normal(sourceUrl), StringComparison.OrdinalIgnoreCase);
    }

    private static string Normal(string address)
    {
        var trimmed = address.Trim().TrimEnd('/');
        return trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? "https://" + trimmed[7..] : trimmed;
    }
}
