using CoSie.Platform.Web.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoSie.Platform.Tests.Localization;

// The app's catalogue for a class under test, as DI gives it: texts in the thread's UI language, English here.
internal static class TestCatalogue
{
    public static IStringLocalizer<T> Localizer<T>() => new StringLocalizer<T>(new CatalogueLocalizerFactory(NullLoggerFactory.Instance));
}
