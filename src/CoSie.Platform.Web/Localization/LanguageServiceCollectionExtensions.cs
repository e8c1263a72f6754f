using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using CoSie.Platform.Web.Hosting;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;

namespace CoSie.Platform.Web.Localization;

public static class LanguageServiceCollectionExtensions
{
    public static IServiceCollection AddPlatformLanguages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLocalization();
        services.AddSingleton<IStringLocalizerFactory, CatalogueLocalizerFactory>();
        services.AddSingleton<PluralTexts>();
        services.AddOptions<LanguageOptions>().Bind(configuration.GetSection(LanguageOptions.Section)).ValidateOnStart();
        // Pages keep letters such as ä, ł or Σ as they are instead of numeric entities (&#x3A3;), which would triple the
        // size of a Greek page; markup characters are encoded as before.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        services.AddOptions<RequestLocalizationOptions>().Configure<IOptions<LanguageOptions>>((options, languages) =>
        {
            var formats = PlatformCultures.Supported
                .Concat(PlatformLanguages.Offered(languages.Value.Pseudo).Select(l => PlatformLanguages.FormatsOf(l).Name))
                .Distinct(StringComparer.OrdinalIgnoreCase);
            options.DefaultRequestCulture = new RequestCulture(PlatformCultures.Default, PlatformLanguages.Default);
            options.SupportedCultures = formats.Select(c => new CultureInfo(c)).ToList();
            options.SupportedUICultures = PlatformLanguages.Offered(languages.Value.Pseudo).Select(l => new CultureInfo(l)).ToList();
            options.RequestCultureProviders = [new PlatformRequestCultureProvider()];
        });

        // Model binding's own messages ("The value 'x' is not valid.") and the attributes' defaults in the reader's
        // language too; every attribute the platform writes names its own message. After MVC's own setup, so the
        // attributes are in the metadata by the time DefaultValidationMessages looks.
        services.AddOptions<MvcOptions>().PostConfigure<IStringLocalizerFactory>((options, factory) =>
        {
            var localizer = factory.Create(typeof(Strings));
            ModelBindingMessages.Apply(options.ModelBindingMessageProvider, localizer);
            options.ModelMetadataDetailsProviders.Add(new DefaultValidationMessages());
        });
        return services;
    }
}
