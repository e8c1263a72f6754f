using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace CoSie.Platform.Web.Features.Courses.Import;

// Quiz and form plugins render their machinery into the page ("Quiz is loading…", radio buttons, hidden fields). It
// only works inside WordPress, and its questions are not prompts, so it goes before anything reads the page.
internal static partial class PluginMarkup
{
    private static readonly (string Plugin, PluginMarkupKind Kind, string Selector)[] Plugins =
    [
        ("LearnDash (WP Pro Quiz)", PluginMarkupKind.Quiz, "[class*='wpProQuiz'], [id^='wpProQuiz']"),
        ("Gravity Forms", PluginMarkupKind.Form, ".gform_wrapper, [id^='gform_wrapper'], .gform_confirmation_wrapper, form[id^='gform_']"),
        ("Contact Form 7", PluginMarkupKind.Form, ".wpcf7"),
        ("WPForms", PluginMarkupKind.Form, ".wpforms-container, form.wpforms-form"),
        ("H5P", PluginMarkupKind.Quiz, ".h5p-iframe-wrapper, .h5p-content"),
    ];

    private static readonly Dictionary<string, (string Plugin, PluginMarkupKind Kind)> Shortcodes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ld_quiz"] = ("LearnDash (WP Pro Quiz)", PluginMarkupKind.Quiz),
        ["gravityform"] = ("Gravity Forms", PluginMarkupKind.Form),
        ["gravityforms"] = ("Gravity Forms", PluginMarkupKind.Form),
        ["contact-form-7"] = ("Contact Form 7", PluginMarkupKind.Form),
        ["wpforms"] = ("WPForms", PluginMarkupKind.Form),
        ["h5p"] = ("H5P", PluginMarkupKind.Quiz),
    };

    // Shortcodes the site never rendered ("[wpforms id=\"12\"]") are removed from the raw HTML.
    public static string RemoveShortcodes(string html, List<PluginRemoval> removals) =>
        Shortcode().Replace(html, match =>
        {
            var (plugin, kind) = Shortcodes[match.Groups["name"].Value];
            Note(removals, plugin, kind);
            return string.Empty;
        });

    public static void Remove(IElement body, List<PluginRemoval> removals)
    {
        foreach (var (plugin, kind, selector) in Plugins)
        {
            var found = body.QuerySelectorAll(selector).ToList();
            if (found.Count == 0)
            {
                continue;
            }

            foreach (var element in found.Where(element => !found.Any(other => other != element && other.Contains(element))))
            {
                OutermostWrapper(element, plugin).Remove();
            }

            Note(removals, plugin, kind);
        }
    }

    // LearnDash wraps its quiz in layers of its own ("learndash-wrapper", "#learndash-content"); they go with it.
    private static IElement OutermostWrapper(IElement element, string plugin)
    {
        if (!plugin.StartsWith("LearnDash", StringComparison.Ordinal))
        {
            return element;
        }

        var outermost = element;
        for (var parent = element.ParentElement; parent is not null && parent.LocalName != "body"; parent = parent.ParentElement)
        {
            if ((parent.ClassName ?? string.Empty).Contains("learndash", StringComparison.OrdinalIgnoreCase)
                || (parent.Id ?? string.Empty).StartsWith("learndash", StringComparison.OrdinalIgnoreCase))
            {
                outermost = parent;
            }
        }

        return outermost;
    }

    private static void Note(List<PluginRemoval> removals, string plugin, PluginMarkupKind kind)
    {
        var removal = new PluginRemoval(plugin, kind);
        if (!removals.Contains(removal))
        {
            removals.Add(removal);
        }
    }

    [GeneratedRegex(@"\[(?<name>ld_quiz|gravityforms?|contact-form-7|wpforms|h5p)\b[^\]]{0,500}\]", RegexOptions.IgnoreCase)]
    private static partial Regex Shortcode();
}
