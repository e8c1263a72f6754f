using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;

namespace CoSie.Platform.Web.Features.Synthesis;

// A paragraph of a synthesis as HTML: its text encoded, and only the links a quote puts there (to a post of this
// institution, by its path) made into links. Nothing else a member types becomes markup.
public static partial class SynthesisText
{
    public static IHtmlContent Render(string text, string pathBase)
    {
        var encoded = HtmlEncoder.Default.Encode(text);
        var prefix = HtmlEncoder.Default.Encode(pathBase + "/cohorts/");
        return new HtmlString(PostLink().Replace(encoded, match =>
            match.Value.StartsWith(prefix, StringComparison.Ordinal) ? $"<a href=\"{match.Value}\">{match.Value}</a>" : match.Value));
    }

    [GeneratedRegex(@"[^\s(]*/cohorts/[0-9a-f-]{36}/reflections/[0-9a-f-]{36}#post-[0-9a-f-]{36}")]
    private static partial Regex PostLink();
}
