using System.Globalization;
using System.Resources;
using CoSie.Platform.Web.Localization;

namespace CoSie.Platform.IntegrationTests.Infrastructure;

// What a page in another language should say, read from the app's own compiled catalogue. A text whose translation
// reads like the English would let a test pass in English, so this refuses it.
internal static class Translations
{
    private static readonly ResourceManager Catalogue = new(typeof(Strings));

    public static string Of(string language, string english, params object?[] arguments)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var pattern = Catalogue.GetString(english, culture) ?? throw new InvalidOperationException($"\"{english}\" is not in the catalogue.");
        if (pattern == english)
        {
            throw new InvalidOperationException($"The {language} text of \"{english}\" is the English one: a test of it proves nothing.");
        }
        return MessageFormat.Format(pattern, culture, culture, MessageFormat.ArgumentNames(english), arguments);
    }
}
