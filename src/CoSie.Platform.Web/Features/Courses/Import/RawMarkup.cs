using CoSie.Platform.Web.Content;
using CoSie.Platform.Web.Features.Courses.Import.Prompts;

namespace CoSie.Platform.Web.Features.Courses.Import;

// The one pass over a page's HTML as it arrived, before cleaning: plugin machinery out, callouts kept as quotes.
internal static class RawMarkup
{
    public static (string Html, IReadOnlyList<PluginRemoval> Removals) Prepare(string html)
    {
        var removals = new List<PluginRemoval>();
        var withoutShortcodes = PluginMarkup.RemoveShortcodes(html, removals);
        var document = HtmlFragments.Parse(withoutShortcodes);
        var body = HtmlFragments.Body(document);
        PluginMarkup.Remove(body, removals);
        var callouts = CalloutMarkup.Mark(body);

        // Pages with neither reach the cleaner exactly as they came.
        return (removals.Count == 0 && callouts == 0 ? html : body.InnerHtml, removals);
    }
}
