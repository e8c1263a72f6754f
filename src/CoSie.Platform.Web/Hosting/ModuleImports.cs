using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Components;

namespace CoSie.Platform.Web.Hosting;

// The import map that lets a page's ES modules import each other by their plain names ("./text.js") and still load
// the fingerprinted files that are cached for a year: one entry per module in a folder, from the build's static asset
// manifest, as absolute paths under the request's path base (inside an institution, /{institution}/js/...), each
// with its integrity hash. The framework's own map keys modules relative to the document, which would only match on
// pages at the site's root. A map is made once per manifest, path base and folder: the discussion pages are the busiest.
public static class ModuleImports
{
    private static readonly ConditionalWeakTable<ResourceAssetCollection, ConcurrentDictionary<(string PathBase, string Folder), ImportMapDefinition>> Made = [];

    public static ImportMapDefinition For(HttpContext context, string folder)
    {
        var assets = context.GetEndpoint()?.Metadata.GetMetadata<ResourceAssetCollection>() ?? ResourceAssetCollection.Empty;
        var pathBase = context.Request.PathBase.Value ?? string.Empty;
        return Made.GetOrCreateValue(assets).GetOrAdd((pathBase, folder), key => Make(assets, key.PathBase, key.Folder));
    }

    private static ImportMapDefinition Make(ResourceAssetCollection assets, string pathBase, string folder)
    {
        var imports = new Dictionary<string, string>(StringComparer.Ordinal);
        var integrity = new Dictionary<string, string>(StringComparer.Ordinal);
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
