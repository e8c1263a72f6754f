namespace CoSie.Platform.Web.Localization;

// Names the platform's one catalogue of texts, Strings.resx and a translation of it per language, for
// IStringLocalizer<Strings>. Every localizer the framework makes reads that catalogue (CatalogueLocalizerFactory), so
// a text has one key and one translation per language wherever it appears.
public sealed class Strings;
