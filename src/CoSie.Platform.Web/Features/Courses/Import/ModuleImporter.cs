using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CoSie.Platform.Web.Content;
using CoSie.Platform.Web.Features.Courses.Import.Prompts;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.Web.Features.Courses.Import;

// Turns an uploaded file (a WordPress export or a Markdown module) into modules ready for the preview: parsed by
// format, cleaned by HtmlContentSanitizer, prompts detected, links to the other pages rewritten. The refusals are worded
// when they happen, in the language of the request that parses: one importer serves all.
public sealed partial class ModuleImporter(
    HtmlContentSanitizer sanitizer, IOptions<ImportLimits> limits, TimeProvider clock, IStringLocalizer<ModuleImporter> localizer)
{
    // The ceiling of Import:MaxFileBytes; the upload page's request limits are built on it.
    public const int MaxFileBytes = 5 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ImportLimits _limits = limits.Value;

    public ModuleImporter(HtmlContentSanitizer sanitizer, IStringLocalizer<ModuleImporter> localizer)
        : this(sanitizer, Options.Create(new ImportLimits()), TimeProvider.System, localizer)
    {
    }

    public ImportResult Parse(string fileName, byte[] content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var budget = new ImportBudget(_limits, clock, localizer, cancellationToken);
        try
        {
            return ParseCore(fileName ?? string.Empty, content, budget);
        }
        catch (ImportLimitExceededException exception)
        {
            return ImportResult.Failure(exception.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ImportResult.Failure(budget.TimedOut().Message);
        }
#pragma warning disable CA1031 // An upload must end in a message for the person importing, never in a 500.
        catch (Exception exception) when (exception is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return ImportResult.Failure(localizer["The file could not be imported: {reason}", exception.Message]);
        }
    }

    private ImportResult ParseCore(string fileName, byte[] content, ImportBudget budget)
    {
        if (content.Length == 0)
        {
            return ImportResult.Failure(localizer["The file is empty."]);
        }

        if (content.Length > _limits.MaxFileBytes)
        {
            // Sizes in the reader's own number formats, the file's always with its one decimal.
            return ImportResult.Failure(localizer[
                "The file is {size} MB; the limit is {limit} MB.",
                Megabytes(content.Length).ToString("0.0", CultureInfo.CurrentCulture),
                (_limits.MaxFileBytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.CurrentCulture)]);
        }

        var bytes = content.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? content[Encoding.UTF8.Preamble.Length..] : content;
        var first = Array.FindIndex(bytes, b => b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'));
        if (first < 0)
        {
            return ImportResult.Failure(localizer["The file is empty."]);
        }

        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            return ImportResult.Failure(localizer["The file is not a text file: upload a WordPress export (.json or .xml) or a Markdown file (.md)."]);
        }

        var extension = Path.GetExtension(fileName);
        var format = DetectFormat(extension, bytes[first], bytes.AsSpan(first, Math.Min(bytes.Length - first, 4096)));
        SourceReadResult read;
        switch (format)
        {
            case SourceFormat.Json:
                read = WordPressPageParser.Read(bytes, _limits.MaxDepth);
                break;
            case SourceFormat.Xml:
                read = WordPressExportParser.Read(bytes, _limits.MaxDepth);
                break;
            case SourceFormat.Markdown:
                string text;
                try
                {
                    text = StrictUtf8.GetString(bytes);
                }
                catch (DecoderFallbackException)
                {
                    return ImportResult.Failure(localizer["The file is not UTF-8 text: save it as UTF-8 and upload it again."]);
                }

                read = MarkdownModuleParser.Read(text, _limits.MaxDepth);
                break;
            default:
                return ImportResult.Failure(localizer[
                    "Files of type “{extension}” cannot be imported: upload a WordPress export (.json or .xml) or a Markdown file (.md).", extension]);
        }

        if (read.Problem is not null)
        {
            return ImportResult.Failure(localizer.Error(read.Problem));
        }

        return BuildModules(read.Sources, read.LeftOut, budget);
    }

    private static SourceFormat DetectFormat(string extension, byte firstByte, ReadOnlySpan<byte> start)
    {
        if (extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            return SourceFormat.Json;
        }

        if (extension.Equals(".md", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".markdown", StringComparison.OrdinalIgnoreCase))
        {
            return SourceFormat.Markdown;
        }

        if (extension.Equals(".xml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".wxr", StringComparison.OrdinalIgnoreCase))
        {
            return SourceFormat.Xml;
        }

        if (firstByte is (byte)'{' or (byte)'[')
        {
            return SourceFormat.Json;
        }

        // Markdown may open with HTML too; only a WordPress export names its namespace or RSS near the start.
        if (firstByte == (byte)'<' && WordPressExportParser.LooksLikeExport(start))
        {
            return SourceFormat.Xml;
        }

        return extension.Length == 0 || extension.Equals(".txt", StringComparison.OrdinalIgnoreCase)
            ? SourceFormat.Markdown
            : SourceFormat.Unsupported;
    }

    private static double Megabytes(long bytes) => Math.Ceiling(bytes * 10.0 / (1024 * 1024)) / 10.0;

    private ImportResult BuildModules(IReadOnlyList<ModuleSource> sources, IReadOnlyList<LeftOut> leftOut, ImportBudget budget)
    {
        // Every page is measured before any is cleaned, so a file past the limits is refused before the costly work.
        var markup = new List<SourceMarkup>(sources.Count);
        for (var index = 0; index < sources.Count; index++)
        {
            markup.Add(Measure(sources[index], index, sources.Count, budget));
        }

        var modules = new List<ImportedModule>(sources.Count);
        var usedSlugs = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < sources.Count; index++)
        {
            var source = sources[index];
            budget.Enter(Place(source, index, sources.Count));
            var title = source.TitleIsHtml ? PlainTextOfHtml(source.Title) : HtmlFragments.CollapseWhitespace(source.Title);
            var slug = Slugs.FromText(source.Slug);
            if (slug.Length == 0)
            {
                slug = Slugs.FromText(title);
            }

            var label = Label(source, index, sources.Count, title, slug);
            if (title.Length == 0)
            {
                return ImportResult.Failure(localizer["{page} has no title.", label]);
            }

            if (slug.Length == 0)
            {
                slug = "module";
            }

            if (source.IsProtected)
            {
                return ImportResult.Failure(localizer["{page} is password-protected, so its content is not in the export.", label]);
            }

            var module = BuildModule(source, markup[index], title, UniqueSlug(slug, usedSlugs), budget);
            if (module is null)
            {
                return ImportResult.Failure(localizer["{page} has no content after cleaning (no text or images are left).", label]);
            }

            modules.Add(module);
        }

        return ImportResult.Success(modules, leftOut);
    }

    private SourceMarkup Measure(ModuleSource source, int index, int count, ImportBudget budget)
    {
        var place = Place(source, index, count);
        budget.Enter(place);
        var isMarkdown = source.Kind == ModuleSourceKind.Markdown;
        if (source.TitleIsHtml)
        {
            budget.Measure(source.Title, place, PagePart.Title);
        }

        var body = isMarkdown ? MarkdownHtml(source.Body, place, budget) : source.Body;
        budget.Measure(body, place, isMarkdown ? null : PagePart.Content);
        var literature = new List<string>(source.Literature.Count);
        foreach (var value in source.Literature)
        {
            // Exports write references as sanitized HTML; people writing front matter by hand use Markdown.
            var html = LooksLikeHtml().IsMatch(value) ? value : MarkdownHtml(value, place, budget);
            budget.Measure(html, LiteraturePlace(source, index, count));
            literature.Add(html);
        }

        return new SourceMarkup(body, literature);
    }

    private static string MarkdownHtml(string markdownText, string place, ImportBudget budget)
    {
        try
        {
            return MarkdownRenderer.ModuleHtml(markdownText);
        }
        catch (ArgumentException exception) when (exception.Message.Contains("too deeply nested", StringComparison.Ordinal))
        {
            // Markdig's own bound on nesting, far above ours; its message names no place.
            throw budget.MarkdownTooDeep(place);
        }
    }

    private ImportedModule? BuildModule(ModuleSource source, SourceMarkup markup, string title, string slug, ImportBudget budget)
    {
        // Plugin machinery out and callouts kept first, then media, shortcodes and embeds turned into what they mean.
        var (raw, removals) = RawMarkup.Prepare(markup.BodyHtml);
        budget.Check();
        var (converted, notes) = MediaMarkup.Convert(raw);
        budget.Check();
        var cleaned = sanitizer.Sanitize(converted, budget.Token);
        budget.Check();
        var extracted = ModuleContentExtractor.Extract(cleaned, title, sanitizer);
        budget.Check();
        var body = sanitizer.Sanitize(extracted.BodyHtml, budget.Token);

        var listed = new PromptCue(PromptCueKind.Listed, string.Empty);
        var prompts = source.Prompts
            .Select(prompt => new DetectedPrompt(HtmlFragments.CollapseWhitespace(prompt), listed))
            .Concat(extracted.Prompts)
            .Where(prompt => prompt.Text.Length > 0)
            .DistinctBy(prompt => prompt.Text, StringComparer.Ordinal)
            .ToList();
        var literature = source.Literature
            .Select((value, index) => LiteratureReferenceFactory.FromHtml(
                LooksLikeHtml().IsMatch(value) ? value : sanitizer.Sanitize(markup.LiteratureHtml[index], budget.Token),
                sanitizer))
            .OfType<LiteratureReference>()
            .Concat(extracted.Literature)
            .ToList();

        if (body.Length == 0 && prompts.Count == 0 && literature.Count == 0)
        {
            return null;
        }

        return new ImportedModule(
            title,
            slug,
            body,
            prompts.Select(prompt => prompt.Text).ToList(),
            literature,
            source.Kind,
            source.SourceUrl,
            source.SourceId,
            string.IsNullOrWhiteSpace(source.Summary) ? null : HtmlFragments.CollapseWhitespace(source.Summary),
            source.SiteBaseUrl)
        {
            PromptReasons = prompts.Select(prompt => localizer.Reason(prompt.Cue)).ToList(),
            ContentNotes = removals.Select(localizer.Describe).Concat(extracted.SkippedPrompts.Select(localizer.Describe)).ToList(),
            PostType = source.PostType,
            Notes = notes,
        };
    }

    // Sanitizing first drops script and style text, which TextContent would otherwise keep.
    private string PlainTextOfHtml(string html) =>
        HtmlFragments.PlainText(HtmlFragments.Body(HtmlFragments.Parse(sanitizer.SanitizeInline(html))));

    private static string UniqueSlug(string slug, HashSet<string> used)
    {
        var candidate = slug;
        for (var suffix = 2; !used.Add(candidate); suffix++)
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{slug}-{suffix}");
        }

        return candidate;
    }

    // Where a page is, before its title is known.
    private string Place(ModuleSource source, int index, int count) =>
        source.Kind == ModuleSourceKind.Markdown
            ? localizer["The Markdown file"]
            : localizer["Page #{index} of {count}", index + 1, count];

    private string LiteraturePlace(ModuleSource source, int index, int count) =>
        source.Kind == ModuleSourceKind.Markdown
            ? localizer["The literature of the Markdown file"]
            : localizer["The literature of page #{index} of {count}", index + 1, count];

    // A page by its place, title and slug, whichever of them it has.
    private string Label(ModuleSource source, int index, int count, string title, string slug) =>
        (source.Kind == ModuleSourceKind.Markdown, title.Length > 0, slug.Length > 0) switch
        {
            (true, _, _) => localizer["The Markdown file"],
            (false, true, true) => localizer["Page #{index} of {count} “{title}” (slug “{slug}”)", index + 1, count, title, slug],
            (false, true, false) => localizer["Page #{index} of {count} “{title}”", index + 1, count, title],
            (false, false, true) => localizer["Page #{index} of {count} (slug “{slug}”)", index + 1, count, slug],
            (false, false, false) => localizer["Page #{index} of {count}", index + 1, count],
        };

    [GeneratedRegex(@"<\s*/?\s*[a-zA-Z][^>]*>|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);")]
    private static partial Regex LooksLikeHtml();

    private sealed record SourceMarkup(string BodyHtml, IReadOnlyList<string> LiteratureHtml);

    private enum SourceFormat
    {
        Json,
        Xml,
        Markdown,
        Unsupported,
    }
}
