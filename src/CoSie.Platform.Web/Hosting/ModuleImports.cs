using Microsoft.AspNetCore.Components;

namespace CoSie.Platform.Web.Hosting;

// The import map that lets a page's ES modules import each other by their plain names ("./text.js") and still load
// the fingerprinted files that are cached for a year: one entry per module in a folder, from the build's static asset
// manifest, as absolute paths under the request's path base (inside an institution, /{institution}/js/...), each
// with its integrity hash. The framework's own map keys modules relative to the document, which would only match on
// pages at the site's root.
public static class ModuleImports
{
    public static ImportMapDefinition For(HttpContext context, string folder)
    {
        var imports = new Dictionary<string, string>(StringComparer.Ordinal);
        var integrity = new Dictionary<string, string>(StringComparer.Ordinal);
        var assets = context.GetEndpoint()?.Metadata.GetMetadata<ResourceAssetCollection>() ?? ResourceAssetCollection.Empty;
        var pathBase = context.Request.PathBase.Value ?? string.Empty;
        foreach (var asset in assets)
        {
            var label = Property(asset, "label");
            if (label is null || label == asset.Url || !label.StartsWith(folder, StringComparison.Ordinal) ||
                !label.EndsWith(".js", StringComparison.Ordinal))
            {
                continue;
            }
            var url = $"{pathBase}/{asset.Url}";
            imports[$"{pathBase}/{label}"] = url;
            if (Property(asset, "integrity") is { } hash)
            {
                integrity[url] = hash;
            }
        }
        return new ImportMapDefinition(imports, scopes: null, integrity);
    }

    private static string? Property(ResourceAsset asset, string name) =>
        asset.Properties?.FirstOrDefault(p => p.Name == name)?.Value;
}
