using System.Text.Json;

namespace CoSie.Platform.Web.Localization;

// A count the page's script writes later ("3 new replies: show them"), handed over as each plural form of the text in
// the reader's language (JSON, '#' for the number); the script picks the form with the browser's CLDR rules.
public sealed class PluralTexts(IStringLocalizerFactory factory)
{
    private readonly CatalogueLocalizer _catalogue = (CatalogueLocalizer)factory.Create(typeof(Strings));

    public string Forms(string english) => JsonSerializer.Serialize(MessageFormat.PluralForms(_catalogue.Pattern(english)));
}
