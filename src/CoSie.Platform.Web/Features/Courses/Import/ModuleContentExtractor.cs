using System.Text.RegularExpressions;
using AngleSharp.Dom;
using CoSie.Platform.Web.Content;
using CoSie.Platform.Web.Features.Courses.Import.Prompts;

namespace CoSie.Platform.Web.Features.Courses.Import;

// Works on sanitized HTML, so WordPress block markup is already gone and only semantic blocks remain. Prompts are
// found by PromptDetector; literature here.
internal static partial class ModuleContentExtractor
{
    private const int MaxAnnouncementLength = 120;

    public static ExtractedContent Extract(string sanitizedHtml, string title, HtmlContentSanitizer sanitizer)
    {
        var document = HtmlFragments.Parse(sanitizedHtml);
        var body = HtmlFragments.Body(document);
        RemoveTitleRepeat(body, title);

        var detection = PromptDetector.Detect(body.Children.ToList());
        foreach (var block in detection.Removed)
        {
            block.Remove();
        }

        var literature = new List<LiteratureReference>();
        var blocks = body.Children.ToList();
        for (var index = 0; index < blocks.Count; index++)
        {
            if (Classify(blocks[index]) != Announcement.Literature)
            {
                continue;
            }

            var last = TakeLiterature(blocks, index, literature, sanitizer);
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

        return new ExtractedContent(HtmlFragments.Serialize(body), detection.Prompts, detection.Skipped, literature);
    }

    private static void RemoveTitleRepeat(IElement body, string title)
    {
        var first = body.FirstElementChild;
        if (first is null || !(IsHeading(first) || IsBoldLeadIn(first)))
        {
            return;
        }

        if (string.Equals(PromptDetector.AnnouncementText(first), HtmlFragments.CollapseWhitespace(title), StringComparison.OrdinalIgnoreCase))
        {
            first.Remove();
        }
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

    private static Announcement Classify(IElement block)
    {
        if (PromptDetector.IsAnnouncement(block))
        {
            return Announcement.Prompts;
        }

        if (!IsHeading(block) && !IsParagraph(block))
        {
            return Announcement.None;
        }

        var text = PromptDetector.AnnouncementText(block);
        return text.Length is > 0 and <= MaxAnnouncementLength && LiteratureAnnouncement().IsMatch(text)
            ? Announcement.Literature
            : Announcement.None;
    }

    private static bool IsHeading(IElement element) => PromptDetector.IsHeading(element);

    private static bool IsParagraph(IElement element) => PromptDetector.IsParagraph(element);

    private static bool IsList(IElement element) => PromptDetector.IsList(element);

    private static bool IsBoldLeadIn(IElement element) => PromptDetector.IsBoldLeadIn(element);

    [GeneratedRegex(
        @"^(?:(?:indicative|suggested|recommended|further|additional|key|selected|core|essential|required|useful|optional)\s+)*" +
        @"(?:literature|references|bibliography|reading\s+list|works\s+cited|sources|readings?|resources)" +
        @"(?:\s+(?:for|and|&)\s+(?:further\s+)?(?:reading|study|resources|learning|sources|references))?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LiteratureAnnouncement();

    private enum Announcement
    {
        None,
        Prompts,
        Literature,
    }
}
