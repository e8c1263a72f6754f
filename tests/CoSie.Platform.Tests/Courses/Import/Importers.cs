using CoSie.Platform.Tests.Localization;
using CoSie.Platform.Web.Content;
using CoSie.Platform.Web.Features.Courses.Import;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.Tests.Courses.Import;

// The importer as the app builds it, with the English catalogue for its refusals.
internal static class Importers
{
    public static ModuleImporter Create(HtmlContentSanitizer? sanitizer = null) =>
        new(sanitizer ?? new HtmlContentSanitizer(), TestCatalogue.Localizer<ModuleImporter>());

    public static ModuleImporter Create(ImportLimits limits, TimeProvider? clock = null) =>
        new(new HtmlContentSanitizer(), Options.Create(limits), clock ?? TimeProvider.System, TestCatalogue.Localizer<ModuleImporter>());
}
