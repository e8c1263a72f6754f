using System.Resources;

namespace CoSie.Platform.Web.Localization;

// Every localizer the framework asks for (IStringLocalizer<T> in pages and services, data annotations, views) is the
// catalogue's: one file per language for translators, whatever class shows the text.
public sealed class CatalogueLocalizerFactory(ILoggerFactory loggers) : IStringLocalizerFactory
{
    private readonly CatalogueLocalizer _localizer = new(new ResourceManager(typeof(Strings)), loggers.CreateLogger<CatalogueLocalizer>());

    public IStringLocalizer Create(Type resourceSource) => _localizer;

    public IStringLocalizer Create(string baseName, string location) => _localizer;
}
