using System.Text.RegularExpressions;
using AngleSharp.Dom;
using CoSie.Platform.Web.Content;

namespace CoSie.Platform.Web.Features.Courses.Import.Prompts;

// Finds the questions and tasks a page addresses to learners, in the top-level blocks of sanitized HTML. Sections that
// only announce prompts (a "Questions for reflection" heading and its list) leave the body, since the prompts are
// shown on their own; prompts inside running text (a marked paragraph, a question in a callout) stay where they are.
internal sealed partial class PromptDetector
{
    private readonly List<IElement> _blocks;
    private readonly List<DetectedPrompt> _prompts = [];
    private readonly List<PromptSkip> _skipped = [];
    private readonly HashSet<IElement> _taken = [];
    private readonly HashSet<IElement> _removed = [];

    private PromptDetector(List<IElement> blocks)
    {
        _blocks = blocks;
    }

    public static PromptDetection Detect(List<IElement> blocks)
    {
        var detector = new PromptDetector(blocks);
        detector.Run();
        return new PromptDetection(detector._prompts, detector._skipped, detector._removed);
    }

    // A heading or bold line that announces prompts of any kind; literature detection stops at one.
    public static bool IsAnnouncement(IElement block) =>
        (IsHeading(block) || IsParagraph(block)) && PromptCueCatalogue.HeadingTier(AnnouncementText(block)) is not null;

    public static string AnnouncementText(IElement block) =>
        HtmlFragments.PlainText(block).TrimEnd(':', '.', ' ', '\u00A0', '!', '…').Trim();

    public static bool IsHeading(IElement element) => HtmlFragments.IsElement(element, "h2", "h3", "h4", "h5", "h6");

    public static bool IsParagraph(IElement element) => HtmlFragments.IsElement(element, "p");

    public static bool IsList(IElement element) => HtmlFragments.IsElement(element, "ul", "ol");

    // <p><strong>Examples</strong>:</p>: bold text with at most punctuation around it.
    public static bool IsBoldLeadIn(IElement element)
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

    private void Run()
    {
        for (var index = 0; index < _blocks.Count; index++)
        {
            var block = _blocks[index];
            if (_taken.Contains(block))
            {
                continue;
            }

            if ((IsHeading(block) || IsParagraph(block)) && PromptCueCatalogue.HeadingTier(AnnouncementText(block)) is { } tier)
            {
                index = TakeSection(index, tier);
                continue;
            }

            if (IsHeading(block))
            {
                TakeQuestionHeading(index);
                continue;
            }

            TakeInline(index);
        }
    }

    // Returns the last index the section used, so the scan goes on after it.
    private int TakeSection(int announcement, PromptCueTier tier)
    {
        var cue = new PromptCue(PromptCueKind.Heading, AnnouncementText(_blocks[announcement]));
        var end = SectionEnd(announcement);
        if (Enumerable.Range(announcement + 1, end - announcement).Any(i => IsQuizMachinery(_blocks[i])))
        {
            _skipped.Add(new PromptSkip(PromptSkipReason.Quiz, cue.Text));
            MarkTaken(announcement, end);
            return end;
        }

        if (tier == PromptCueTier.Questions)
        {
            var last = TakeQuestions(announcement, cue);
            return last < announcement ? announcement : last;
        }

        TakeTasks(announcement, end, tier, cue);
        return announcement;
    }

    // "Questions for reflection" and its kin: the list or quote right after it (after an introductory line such as
    // "Consider the following:"), else the question paragraphs that follow. The announcement leaves the body with them.
    private int TakeQuestions(int announcement, PromptCue cue)
    {
        var next = announcement + 1;
        if (next + 1 < _blocks.Count && IsParagraph(_blocks[next]) && !IsAnnouncement(_blocks[next])
            && HtmlFragments.PlainText(_blocks[next]).EndsWith(':') && IsPromptContainer(_blocks[next + 1]))
        {
            next++;
        }

        if (next < _blocks.Count && IsPromptContainer(_blocks[next]))
        {
            var found = PromptsFromContainer(_blocks[next]);
            if (found.Count == 0)
            {
                return -1;
            }

            Add(found, cue);
            Remove(announcement, next);
            return next;
        }

        var questions = new List<string>();
        var index = next;
        while (index < _blocks.Count && IsParagraph(_blocks[index]) && !IsBoldLeadIn(_blocks[index])
            && !IsAnnouncement(_blocks[index])
            && HtmlFragments.PlainText(_blocks[index]) is var text && PromptCueCatalogue.EndsWithQuestion(text))
        {
            questions.Add(text);
            index++;
        }

        if (questions.Count == 0)
        {
            return -1;
        }

        Add(questions, cue);
        Remove(announcement, index - 1);
        return index - 1;
    }

    // "Challenge" takes the section's paragraphs (not a line that introduces a list) and its task or question items;
    // "Review & self-study" only its questions. The section leaves the body only when every block of it was taken.
    private void TakeTasks(int announcement, int end, PromptCueTier tier, PromptCue cue)
    {
        var all = true;
        for (var index = announcement + 1; index <= end; index++)
        {
            var block = _blocks[index];
            var text = TextOutsideCode(block);
            if (IsParagraph(block))
            {
                var introducesList = text.EndsWith(':') && index < end && IsList(_blocks[index + 1]);
                var take = !introducesList && !IsLinkOnly(block) && text.Length > 0
                    && (tier == PromptCueTier.Tasks || PromptCueCatalogue.AsksQuestion(text));
                if (take)
                {
                    Add([HtmlFragments.PlainText(block)], cue);
                    _taken.Add(block);
                }
                else
                {
                    all &= text.Length == 0;
                }
            }
            else if (IsList(block))
            {
                var items = Items(block);
                var tasks = items.Where(item => PromptCueCatalogue.AsksQuestion(item)
                    || (tier == PromptCueTier.Tasks && PromptCueCatalogue.StartsWithTaskVerb(item))).ToList();
                Add(tasks, cue);
                all &= tasks.Count == items.Count;
                if (tasks.Count > 0)
                {
                    _taken.Add(block);
                }
            }
            else
            {
                all &= HtmlFragments.IsElement(block, "hr");
            }
        }

        if (all && _taken.Any(block => _blocks.IndexOf(block) is var at && at > announcement && at <= end))
        {
            Remove(announcement, end);
        }
    }

    // A heading asked of the learner: answered in the comments, or closing the page.
    private void TakeQuestionHeading(int index)
    {
        var text = HtmlFragments.PlainText(_blocks[index]);
        if (!PromptCueCatalogue.EndsWithQuestion(text))
        {
            return;
        }

        if (index + 1 < _blocks.Count && IsParagraph(_blocks[index + 1])
            && PromptCueCatalogue.InvitesComments(HtmlFragments.PlainText(_blocks[index + 1])))
        {
            AddUnlessFeedback(text, new PromptCue(PromptCueKind.CommentInvitation, string.Empty));
            _taken.Add(_blocks[index + 1]);
            return;
        }

        if (index == _blocks.Count - 1)
        {
            AddUnlessFeedback(text, new PromptCue(PromptCueKind.ClosingQuestion, string.Empty));
        }
    }

    private void TakeInline(int index)
    {
        var block = _blocks[index];
        if (IsList(block))
        {
            TakeMarkedItems(block);
            return;
        }

        if (HtmlFragments.IsElement(block, "blockquote") || (HtmlFragments.IsElement(block, "figure") && block.QuerySelector("blockquote") is not null))
        {
            TakeCallout(block);
            return;
        }

        if (!IsParagraph(block))
        {
            return;
        }

        var text = HtmlFragments.PlainText(block);
        if (PromptCueCatalogue.StartsWithMarker(text, out var marker, out var afterMarker))
        {
            var (markedLabel, markedRest) = SplitLabel(block, afterMarker);
            var prompt = markedLabel is null ? afterMarker : markedRest;
            if (prompt.Length > 0 && (markedLabel is not null || PromptCueCatalogue.AsksQuestion(TextOutsideCode(block))
                || PromptCueCatalogue.StartsWithTaskVerb(prompt)))
            {
                Add([StripPlainLabel(prompt)], new PromptCue(PromptCueKind.Marker, marker));
                _taken.Add(block);
            }

            return;
        }

        var (label, rest) = SplitLabel(block, text);
        if (label is not null && PromptCueCatalogue.IsLabel(label))
        {
            var cue = new PromptCue(PromptCueKind.Label, label);
            if ((rest.Length == 0 || rest.EndsWith(':')) && index + 1 < _blocks.Count && IsList(_blocks[index + 1]))
            {
                Add(Items(_blocks[index + 1]), cue);
                _taken.Add(_blocks[index + 1]);
            }
            else if (rest.Length > 0 && !rest.EndsWith(':'))
            {
                Add([rest], cue);
            }

            _taken.Add(block);
            return;
        }

        if (TakeCommentInvitation(block, index, text))
        {
            return;
        }

        if (PromptCueCatalogue.CueSentence(text) is { } cueSentence && !text.EndsWith(':'))
        {
            Add([text], new PromptCue(PromptCueKind.CueSentence, cueSentence));
            _taken.Add(block);
        }
    }

    // "<strong>What do you want to save for?</strong><br>Share in the comments below!", or a question paragraph
    // followed by one that invites comments.
    private bool TakeCommentInvitation(IElement block, int index, string text)
    {
        var cue = new PromptCue(PromptCueKind.CommentInvitation, string.Empty);
        if (PromptCueCatalogue.InvitesComments(text) && PromptCueCatalogue.AsksQuestion(text))
        {
            var question = text[..(PromptCueCatalogue.LastQuestionMark(text) + 1)].Trim();
            var sentenceStart = Math.Max(question.LastIndexOfAny(['.', '!'], question.Length - 1) + 1, 0);
            AddUnlessFeedback(question[sentenceStart..].Trim(), cue);
            _taken.Add(block);
            return true;
        }

        if (PromptCueCatalogue.EndsWithQuestion(text) && index + 1 < _blocks.Count && IsParagraph(_blocks[index + 1])
            && PromptCueCatalogue.InvitesComments(HtmlFragments.PlainText(_blocks[index + 1]))
            && !PromptCueCatalogue.AsksQuestion(HtmlFragments.PlainText(_blocks[index + 1])))
        {
            AddUnlessFeedback(text, cue);
            _taken.Add(block);
            _taken.Add(_blocks[index + 1]);
            return true;
        }

        return false;
    }

    // A self-check list: items the course marks ("✅ …"), all of them when every item is marked, else the marked
    // questions.
    private void TakeMarkedItems(IElement list)
    {
        var items = list.Children.Where(child => HtmlFragments.IsElement(child, "li")).Select(HtmlFragments.PlainText).ToList();
        var marked = new List<(string Marker, string Text, bool Question)>();
        foreach (var item in items)
        {
            if (PromptCueCatalogue.StartsWithMarker(item, out var marker, out var rest) && rest.Length > 0)
            {
                marked.Add((marker, rest, PromptCueCatalogue.AsksQuestion(rest)));
            }
        }

        if (marked.Count == 0)
        {
            return;
        }

        var allMarked = marked.Count == items.Count;
        foreach (var (marker, text, question) in marked.Where(item => allMarked || item.Question))
        {
            _prompts.Add(new DetectedPrompt(text, new PromptCue(PromptCueKind.Marker, marker)));
        }

        _taken.Add(list);
    }

    // A question in a callout or quote: each paragraph or item with a question after its label ("📝 **Note**:"), line
    // by line when every line of it is a question.
    private void TakeCallout(IElement block)
    {
        var quote = HtmlFragments.IsElement(block, "blockquote") ? block : block.QuerySelector("blockquote")!;
        var cue = new PromptCue(PromptCueKind.Callout, string.Empty);
        var parts = quote.Children.Where(child => HtmlFragments.IsElement(child, "p")).ToList();
        var items = quote.Children.Where(IsList).SelectMany(list => list.Children.Where(child => HtmlFragments.IsElement(child, "li"))).ToList();
        if (parts.Count == 0 && items.Count == 0)
        {
            parts.Add(quote);
        }

        var found = false;
        foreach (var part in parts.Concat(items))
        {
            var text = HtmlFragments.PlainText(WithoutCitations(part));
            var (label, rest) = SplitLabel(part, text);
            var body = label is null ? text : rest;
            var asked = TextOutsideCode(part);
            if (label is not null && asked.IndexOf(label, StringComparison.Ordinal) is var at and >= 0)
            {
                asked = asked[(at + label.Length)..];
            }

            if (!PromptCueCatalogue.AsksQuestion(asked))
            {
                continue;
            }

            var lines = Lines(part);
            if (lines.Count > 1 && lines.All(line => PromptCueCatalogue.EndsWithQuestion(line)))
            {
                Add(lines, cue);
            }
            else
            {
                Add([body], cue);
            }

            found = true;
        }

        if (found)
        {
            _taken.Add(block);
        }
    }

    private void AddUnlessFeedback(string question, PromptCue cue)
    {
        if (PromptCueCatalogue.AsksForFeedback(question))
        {
            _skipped.Add(new PromptSkip(PromptSkipReason.Feedback, question));
            return;
        }

        _prompts.Add(new DetectedPrompt(question, cue));
    }

    private void Add(IEnumerable<string> texts, PromptCue cue)
    {
        foreach (var text in texts)
        {
            if (text.Length > 0)
            {
                _prompts.Add(new DetectedPrompt(text, cue));
            }
        }
    }

    private void Remove(int first, int last)
    {
        MarkTaken(first, last);
        for (var index = first; index <= last; index++)
        {
            _removed.Add(_blocks[index]);
        }
    }

    private void MarkTaken(int first, int last)
    {
        for (var index = first; index <= last; index++)
        {
            _taken.Add(_blocks[index]);
        }
    }

    // The blocks up to the next heading or announcing bold line.
    private int SectionEnd(int announcement)
    {
        var index = announcement + 1;
        while (index < _blocks.Count && !IsHeading(_blocks[index]) && !IsBoldLeadIn(_blocks[index]))
        {
            index++;
        }

        return index - 1;
    }

    private static bool IsPromptContainer(IElement block) =>
        HtmlFragments.IsElement(block, "blockquote") || IsList(block)
        || (HtmlFragments.IsElement(block, "figure") && block.QuerySelector("blockquote") is not null);

    private static List<string> PromptsFromContainer(IElement container)
    {
        if (IsList(container))
        {
            return Items(container);
        }

        var quote = HtmlFragments.IsElement(container, "blockquote") ? container : container.QuerySelector("blockquote")!;
        var prompts = new List<string>();
        var structured = false;
        foreach (var child in quote.Children)
        {
            if (HtmlFragments.IsElement(child, "p"))
            {
                structured = true;
                prompts.Add(HtmlFragments.PlainText(child));
            }
            else if (IsList(child))
            {
                structured = true;
                prompts.AddRange(Items(child));
            }
        }

        if (!structured)
        {
            // A pull quote's <cite> names the source; it is not a prompt.
            prompts.Add(HtmlFragments.PlainText(WithoutCitations(quote)));
        }

        return prompts.Where(prompt => prompt.Length > 0).ToList();
    }

    private static List<string> Items(IElement list) =>
        list.Children.Where(child => HtmlFragments.IsElement(child, "li"))
            .Select(item => HtmlFragments.PlainText(item))
            .Select(text => PromptCueCatalogue.StartsWithMarker(text, out _, out var rest) ? rest : text)
            .Where(text => text.Length > 0)
            .ToList();

    private static IElement WithoutCitations(IElement element)
    {
        var copy = (IElement)element.Clone(deep: true);
        foreach (var cite in copy.QuerySelectorAll("cite").ToList())
        {
            cite.Remove();
        }

        return copy;
    }

    // A leading bold label and the text after its colon: "<strong>Discussion</strong>: Revisit…".
    private static (string? Label, string Remainder) SplitLabel(IElement block, string text)
    {
        var bold = block.Children.Length > 0 ? block.Children[0] : null;
        if (bold is null || !HtmlFragments.IsElement(bold, "strong", "b"))
        {
            return (null, text);
        }

        var label = HtmlFragments.PlainText(bold).TrimEnd(':', ' ');
        var at = text.IndexOf(label, StringComparison.Ordinal);

        // Only a marker or emoji may come before the label ("🤔 **Think about it**:").
        if (label.Length == 0 || at < 0 || text[..at].Any(char.IsLetterOrDigit))
        {
            return (null, text);
        }

        var rest = text[(at + label.Length)..].TrimStart(':', ' ', '\u00A0');
        var boldEndsWithColon = HtmlFragments.PlainText(bold).TrimEnd().EndsWith(':');
        var colonFollows = text[(at + label.Length)..].TrimStart(' ', '\u00A0').StartsWith(':');
        return boldEndsWithColon || colonFollows || rest.Length == 0 ? (label, rest) : (null, text);
    }

    // "Stop and Think: What other groups…?" reads as its question.
    private static string StripPlainLabel(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon is > 0 and < 40 && PromptCueCatalogue.IsLabel(text[..colon]) ? text[(colon + 1)..].Trim() : text;
    }

    private static List<string> Lines(IElement paragraph)
    {
        var lines = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var child in paragraph.ChildNodes)
        {
            if (child is IElement { LocalName: "br" })
            {
                lines.Add(HtmlFragments.CollapseWhitespace(current.ToString()));
                current.Clear();
            }
            else
            {
                current.Append(child.TextContent);
            }
        }

        lines.Add(HtmlFragments.CollapseWhitespace(current.ToString()));
        return lines.Where(line => line.Length > 0).ToList();
    }

    private static bool IsLinkOnly(IElement block)
    {
        var links = block.QuerySelectorAll("a");
        return links.Length > 0
            && HtmlFragments.CollapseWhitespace(string.Concat(links.Select(a => a.TextContent))).Length >= HtmlFragments.PlainText(block).Length;
    }

    // Text a question mark counts in: code ("?id=1") and link text are left out.
    private static string TextOutsideCode(IElement block)
    {
        var copy = (IElement)block.Clone(deep: true);
        foreach (var code in copy.QuerySelectorAll("code, a").ToList())
        {
            code.Remove();
        }

        return HtmlFragments.PlainText(copy);
    }

    // Quiz exports as they reach the importer: the choice markers of Markdown quizzes ("( )", "(x)") and their
    // "--- question ---" blocks.
    private static bool IsQuizMachinery(IElement block)
    {
        var text = HtmlFragments.PlainText(block);
        if (QuizFence().IsMatch(text))
        {
            return true;
        }

        return IsList(block) && block.Children.Any(item => QuizChoice().IsMatch(HtmlFragments.PlainText(item)));
    }

    [GeneratedRegex(@"^[\s\u00A0:.\-–—]*$")]
    private static partial Regex LeadInPunctuation();

    [GeneratedRegex(@"^---\s*/?\s*(?:question|choices|feedback)\s*---", RegexOptions.IgnoreCase)]
    private static partial Regex QuizFence();

    [GeneratedRegex(@"^\(\s*[xX ]?\s*\)")]
    private static partial Regex QuizChoice();
}
