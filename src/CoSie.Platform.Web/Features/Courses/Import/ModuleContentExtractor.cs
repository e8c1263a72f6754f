using System.Text.RegularExpressions;
using AngleSharp.Dom;
using CoSie.Platform.Web.Content;

namespace CoSie.Platform.Web.Features.Courses.Import;

// Works on sanitized HTML, so WordPress block markup is already gone and only semantic blocks remain.
internal static partial class ModuleContentExtractor
{
    private const int MaxAnnouncementLength = 120;

    public static ExtractedContent Extract(string sanitizedHtml, string title, HtmlContentSanitizer sanitizer)
    {
        var document = HtmlFragments.Parse(sanitizedHtml);
        var body = HtmlFragments.Body(document);
        RemoveTitleRepeat(body, title);

        var prompts = new List<string>();
        var literature = new List<LiteratureReference>();
        var blocks = body.Children.ToList();
        for (var index = 0; index < blocks.Count; index++)
        {
            var last = Classify(blocks[index]) switch
            {
                Announcement.Prompts => TakePrompts(blocks, index, prompts),
                Announcement.Literature => TakeLiterature(blocks, index, literature, sanitizer),
                _ => -1,
            };

            if (last < index)
            {
                continue;
            }

            for (var removed = index; removed <= last; removed++)
            {
                blocks[removed].Remove();
            }

            index = last;
        }

        return new ExtractedContent(HtmlFragments.Serialize(body), prompts, literature);
    }

    private static void RemoveTitleRepeat(IElement body, string title)
    {
        var first = body.FirstElementChild;
        if (first is null || !(IsHeading(first) || IsBoldLeadIn(first)))
        {
            return;
        }

        if (string.Equals(AnnouncementText(first), HtmlFragments.CollapseWhitespace(title), StringComparison.OrdinalIgnoreCase))
        {
            first.Remove();
        }
    }

    private static int TakePrompts(List<IElement> blocks, int announcement, List<string> prompts)
    {
        var next = announcement + 1;

        // "Consider the following:" between the announcement and the list belongs to the announcement.
        if (next + 1 < blocks.Count && IsParagraph(blocks[next]) && Classify(blocks[next]) == Announcement.None
            && HtmlFragments.PlainText(blocks[next]).EndsWith(':') && IsPromptContainer(blocks[next + 1]))
        {
            next++;
        }

        if (next < blocks.Count && IsPromptContainer(blocks[next]))
        {
            var found = PromptsFromContainer(blocks[next]);
            if (found.Count == 0)
            {
                return -1;
            }

            prompts.AddRange(found);
            return next;
        }

        var questions = new List<string>();
        var index = next;
        while (index < blocks.Count && IsParagraph(blocks[index]) && !IsBoldLeadIn(blocks[index])
            && Classify(blocks[index]) == Announcement.None
            && HtmlFragments.PlainText(blocks[index]) is var text && QuestionEnding().IsMatch(text))
        {
            questions.Add(text);
            index++;
        }

        if (questions.Count == 0)
        {
            return -1;
        }

        prompts.AddRange(questions);
        return index - 1;
    }

    private static int TakeLiterature(
        List<IElement> blocks,
        int announcement,
        List<LiteratureReference> literature,
        HtmlContentSanitizer sanitizer)
    {
        var found = new List<LiteratureReference>();
        var index = announcement + 1;
        for (; index < blocks.Count; index++)
        {
            var block = blocks[index];
            if (IsHeading(block) || IsBoldLeadIn(block) || Classify(block) != Announcement.None)
            {
                break;
            }

            if (IsParagraph(block))
            {
                AddReference(block, found, sanitizer);
            }
            else if (IsList(block))
            {
                foreach (var item in block.Children.Where(child => HtmlFragments.IsElement(child, "li")))
                {
                    AddReference(item, found, sanitizer);
                }
            }
            else
            {
                break;
            }
        }

        if (found.Count == 0)
        {
            return -1;
        }

        literature.AddRange(found);
        return index - 1;
    }

    private static void AddReference(IElement element, List<LiteratureReference> found, HtmlContentSanitizer sanitizer)
    {
        if (LiteratureReferenceFactory.FromHtml(element.InnerHtml, sanitizer) is { } reference)
        {
            found.Add(reference);
        }
    }

    private static bool IsPromptContainer(IElement block) =>
        HtmlFragments.IsElement(block, "blockquote") || IsList(block)
        || (HtmlFragments.IsElement(block, "figure") && block.QuerySelector("blockquote") is not null);

    private static List<string> PromptsFromContainer(IElement container)
    {
        if (IsList(container))
        {
            return ItemTexts(container);
        }

        var quote = HtmlFragments.IsElement(container, "blockquote") ? container : container.QuerySelector("blockquote")!;
        var prompts = new List<string>();
        var structured = false;
        foreach (var child in quote.Children)
        {
            if (HtmlFragments.IsElement(child, "p"))
            {
                structured = true;
                AddText(prompts, HtmlFragments.PlainText(child));
            }
            else if (IsList(child))
            {
                structured = true;
                prompts.AddRange(ItemTexts(child));
            }
        }

        if (!structured)
        {
            // A pull quote's <cite> names the source; it is not a prompt.
            var copy = (IElement)quote.Clone(deep: true);
            foreach (var cite in copy.QuerySelectorAll("cite").ToList())
            {
                cite.Remove();
            }

            AddText(prompts, HtmlFragments.PlainText(copy));
        }

        return prompts;
    }

    private static List<string> ItemTexts(IElement list)
    {
        var texts = new List<string>();
        foreach (var item in list.Children.Where(child => HtmlFragments.IsElement(child, "li")))
        {
            AddText(texts, HtmlFragments.PlainText(item));
        }

        return texts;
    }

    private static void AddText(List<string> texts, string text)
    {
        if (text.Length > 0)
        {
            texts.Add(text);
        }
    }

    private static Announcement Classify(IElement block)
    {
        if (!IsHeading(block) && !IsParagraph(block))
        {
            return Announcement.None;
        }

        var text = AnnouncementText(block);
        if (text.Length == 0 || text.Length > MaxAnnouncementLength)
        {
            return Announcement.None;
        }

        if (PromptAnnouncement().IsMatch(text))
        {
            return Announcement.Prompts;
        }

        return LiteratureAnnouncement().IsMatch(text) ? Announcement.Literature : Announcement.None;
    }

    private static string AnnouncementText(IElement block) =>
        HtmlFragments.PlainText(block).TrimEnd(':', '.', ' ', '\u00A0', '!', '…').Trim();

    private static bool IsHeading(IElement element) => HtmlFragments.IsElement(element, "h2", "h3", "h4", "h5", "h6");

    private static bool IsParagraph(IElement element) => HtmlFragments.IsElement(element, "p");

    private static bool IsList(IElement element) => HtmlFragments.IsElement(element, "ul", "ol");

    // <p><strong>Examples</strong>:</p> — bold text with at most punctuation around it.
    private static bool IsBoldLeadIn(IElement element)
    {
        if (!IsParagraph(element))
        {
            return false;
        }

        var hasBold = false;
        foreach (var child in element.ChildNodes)
        {
            switch (child)
            {
                case IElement bold when HtmlFragments.IsElement(bold, "strong", "b"):
                    hasBold |= HtmlFragments.PlainText(bold).Length > 0;
                    break;
                case IText text when LeadInPunctuation().IsMatch(text.Data):
                    break;
                case IElement { LocalName: "br" }:
                    break;
                default:
                    return false;
            }
        }

        return hasBold;
    }

    [GeneratedRegex(
        @"^(?:please\s+)?(?:" +
        @"reflect(?:\s+(?:up)?on)?(?:\s+(?:the\s+following(?:\s+(?:questions?|points?))?|these\s+questions?|this|that))?" +
        @"|(?:reflective|reflection)\s+(?:exercises?|questions?|tasks?|activity|activities|points?|prompts?)" +
        @"|(?:self[-\s])?reflections?" +
        @"|(?:for|time\s+(?:to|for))\s+(?:further\s+)?reflect(?:ion)?" +
        @"|stop\s+and\s+reflect" +
        @"|questions?\s+(?:for|to\s+guide)\s+(?:further\s+|your\s+)?reflection" +
        @"|questions?\s+to\s+(?:consider|reflect\s+(?:up)?on)" +
        @")(?:\s+\d+)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PromptAnnouncement();

    [GeneratedRegex(
        @"^(?:(?:indicative|suggested|recommended|further|additional|key|selected|core|essential|required|useful|optional)\s+)*" +
        @"(?:literature|references|bibliography|reading\s+list|works\s+cited|sources|readings?|resources)" +
        @"(?:\s+(?:for|and|&)\s+(?:further\s+)?(?:reading|study|resources|learning|sources|references))?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LiteratureAnnouncement();

    [GeneratedRegex(@"\?[\s""'”’»)\]]*$")]
    private static partial Regex QuestionEnding();

    [GeneratedRegex(@"^[\s\u00A0:.\-–—]*$")]
    private static partial Regex LeadInPunctuation();

    private enum Announcement
    {
        None,
        Prompts,
        Literature,
    }
}
