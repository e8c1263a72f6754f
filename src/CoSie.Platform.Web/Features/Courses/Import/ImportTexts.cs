using System.Diagnostics;

// As in EnumTexts: every enum value named, no discard, so a new one fails the build until it has its words.
#pragma warning disable CS8524

namespace CoSie.Platform.Web.Features.Courses.Import;

// What a refused import says about the file, for the problems the pure readers find. Every English text is a literal
// key, so the catalogue check finds each one.
internal static class ImportTexts
{
    public static ImportError Error(this IStringLocalizer localizer, SourceProblem problem) =>
        new(localizer.Describe(problem), problem.AtLine, problem.AtPosition);

    public static string Describe(this IStringLocalizer localizer, SourceProblem problem) => problem switch
    {
        SourceProblem.NotJson p => localizer["The file is not valid JSON: line {line}, position {position}: {detail}", p.Line, p.Position, p.Detail],
        SourceProblem.JsonTooDeep p => localizer["The file nests JSON arrays and objects more than {max} deep (line {line}, position {position}); the limit is {max}.", p.Limit, p.Line, p.Position],
        SourceProblem.NotAPage p => localizer["Expected a WordPress page object (with title.rendered and content.rendered) or an array of them; found {found}.", localizer.Describe(p.Found)],
        SourceProblem.NoPages => localizer["Expected a WordPress page object (with title.rendered and content.rendered) or an array of them; found an empty array: there are no pages to import."],
        SourceProblem.ElementNotAPage p => localizer["Expected a WordPress page object (with title.rendered and content.rendered) or an array of them; found an array whose element #{index} of {count} is {found}.", p.Index, p.Count, localizer.Describe(p.Found)],
        SourceProblem.FrontMatterNotClosed => localizer["The front matter that starts on line 1 is never closed: add a line with just “---” after it."],
        SourceProblem.FrontMatterNotYaml p => localizer["The front matter is not valid YAML: line {line}, column {column}: {detail}", p.Line, p.Column, p.Detail],
        SourceProblem.FrontMatterUnreadable p => localizer["The front matter is not valid YAML: line {line}: check the brackets, quotes and indentation there.", p.Line],
        SourceProblem.FrontMatterTooDeep p => localizer["The front matter nests lists or “key: value” pairs more than {max} deep (line {line}); the limit is {max}.", p.Limit, p.Line],
        SourceProblem.FrontMatterNotPairs p => localizer["The front matter must be “key: value” lines (title, slug, summary, prompts, literature); line {line} starts {found} instead.", p.Line, localizer.Describe(p.Found)],
        SourceProblem.FieldNotText p => localizer["The front matter field “{field}” on line {line} must be a single text value, not {found}.", p.Field, p.Line, localizer.Describe(p.Found)],
        SourceProblem.FieldNotList p => localizer["The front matter field “{field}” on line {line} must be a list of text lines (“- …”).", p.Field, p.Line],
        SourceProblem.NoTitle => localizer["The Markdown file has no title: add “title:” to the front matter or start the text with a “# Title” line."],
        SourceProblem.NotXml p => localizer["The file is not valid XML: line {line}, position {position}: {detail}", p.Line, p.Position, p.Detail],
        SourceProblem.XmlDocumentType p => localizer["The file declares a document type (<!DOCTYPE …>) on line {line}; WordPress exports have none, and the platform does not read one.", p.Line],
        SourceProblem.XmlTooDeep p => localizer["The file nests XML elements more than {max} deep (line {line}, position {position}); the limit is {max}.", p.Limit, p.Line, p.Position],
        SourceProblem.NotWordPressExport p => localizer["Expected a WordPress export file (the XML that Tools › Export writes); found an XML document whose root element is <{root}>.", p.Root],
        SourceProblem.NoExportItems => localizer["The WordPress export holds no lessons, pages or posts with content to import."],
        _ => throw new UnreachableException($"No words for {problem.GetType().Name}."),
    };

    // What the preview lists for a page: what was dropped or changed, and what the instructor should look at.
    public static string Describe(this IStringLocalizer localizer, ImportNote note) => note switch
    {
        ImportNote.ImageCopied n => localizer["Image {url} was copied into the platform.", n.Url],
        ImportNote.ImageNotCopied n => localizer["Image {url} could not be copied ({reason}); it still loads from its source, which may go away.", n.Url, localizer.Describe(n.Problem)],
        ImportNote.ImageWithoutAlt n => localizer["Image {url} has no alternative text; add one in the module editor unless it is decoration.", n.Url],
        ImportNote.DataImageDropped => localizer["An image written into the page itself (a data: address) was left out; add it again as a file."],
        ImportNote.MediaPlayer n => localizer["{url} was copied and shows as a player.", n.Url],
        ImportNote.MediaLink n => localizer["{url} could not be copied ({reason}) and stays a link to its source.", n.Url, localizer.Describe(n.Problem)],
        ImportNote.MediaWithoutSource => localizer["An audio or video player without a file was replaced by its fallback text."],
        ImportNote.EmbedPlaceholder n => localizer["Embedded content from {provider} shows as a button that loads it from {host} only when the reader asks.", n.Provider, n.Host],
        ImportNote.EmbedLink n => localizer["Embedded content from {url} is not from an allowed provider and became a link.", n.Url],
        ImportNote.EmbedDropped => localizer["An embedded frame without a web address was left out."],
        ImportNote.CaptionConverted => localizer["A WordPress [caption] became an image with its caption."],
        ImportNote.GalleryDropped n => localizer["A WordPress [gallery] (attachments {ids}) was left out: the file does not contain its images.", n.Ids],
        ImportNote.BlockDropped n => localizer["The WordPress block “{name}” is made by the site when a page is shown, so it was left out.", n.Name],
        _ => throw new UnreachableException($"No words for {note.GetType().Name}."),
    };

    private static string Describe(this IStringLocalizer localizer, MediaProblem problem) => problem switch
    {
        MediaProblem.Unreachable => localizer["it could not be fetched"],
        MediaProblem.TooLarge => localizer["it is larger than the limit"],
        MediaProblem.WrongType => localizer["it is not a file type the platform keeps"],
        MediaProblem.RefusedAddress => localizer["its address is in a private network"],
        MediaProblem.TooMany => localizer["the import already copied as many files as it may"],
    };

    private static string Describe(this IStringLocalizer localizer, JsonFinding found) => found.What switch
    {
        JsonFound.Number => localizer["a number"],
        JsonFound.String => localizer["a string"],
        JsonFound.Boolean => localizer["a boolean"],
        JsonFound.Null => localizer["null"],
        JsonFound.Array => localizer["an array"],
        JsonFound.Object => localizer["an object"],
        JsonFound.ErrorResponse => localizer["a WordPress error response ({code}: {message})", found.Name, found.Detail],
        JsonFound.OtherType => localizer["an object of type “{type}”, which is not course content (media, menus and theme parts cannot be imported)", found.Name],
        JsonFound.NoContent => localizer["an object without content.rendered"],
        JsonFound.NoTitle => localizer["an object without title.rendered"],
        JsonFound.NoTitleNorContent => localizer["an object without title.rendered and content.rendered"],
    };

    private static string Describe(this IStringLocalizer localizer, YamlShape shape) => shape switch
    {
        YamlShape.List => localizer["a list"],
        YamlShape.Pairs => localizer["a set of “key: value” pairs"],
        YamlShape.Value => localizer["a single value"],
    };
}
