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
        _ => throw new UnreachableException($"No words for {problem.GetType().Name}."),
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
