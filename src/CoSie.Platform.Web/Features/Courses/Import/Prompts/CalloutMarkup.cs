using AngleSharp.Dom;

namespace CoSie.Platform.Web.Features.Courses.Import.Prompts;

// Boxes that set learner work apart ("callout", "activity-box", an aside, a coloured Gutenberg group) lose their
// classes when the page is cleaned; as a quote they keep the distinction, for readers and for the prompt detector.
internal static class CalloutMarkup
{
    private static readonly HashSet<string> CalloutWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "callout", "box", "activity", "reflection", "reflect", "think", "question", "questions", "exercise",
        "discussion", "prompt", "pause",
    };

    // Returns how many boxes became quotes.
    public static int Mark(IElement body)
    {
        var found = body.QuerySelectorAll("div, aside, section").Where(IsCallout).ToList();
        var callouts = found.Where(callout => !found.Any(other => other != callout && other.Contains(callout))).ToList();
        foreach (var callout in callouts)
        {
            var quote = callout.Owner!.CreateElement("blockquote");
            while (callout.FirstChild is { } child)
            {
                quote.AppendChild(child);
            }

            callout.Replace(quote);
        }

        return callouts.Count;
    }

    private static bool IsCallout(IElement element)
    {
        if (element.LocalName == "aside")
        {
            return true;
        }

        var classes = element.ClassList;
        if (classes.Contains("wp-block-group") && classes.Contains("has-background"))
        {
            return true;
        }

        return classes.Any(name => !name.StartsWith("wp-", StringComparison.OrdinalIgnoreCase)
            && name.Split('-', '_').Any(CalloutWords.Contains));
    }
}
