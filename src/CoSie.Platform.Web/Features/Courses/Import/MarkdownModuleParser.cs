using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CoSie.Platform.Web.Features.Courses.Import;

// Reads a Markdown module: optional YAML front matter (title, slug, summary, prompts, literature; other keys are
// ignored), then the body. The importer adds the prompts its detection finds in the body to those listed here.
internal static partial class MarkdownModuleParser
{
    public static SourceReadResult Read(string text, int maxDepth)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var bodyStart = 0;
        FrontMatter frontMatter = new();

        if (lines.Length > 0 && lines[0].TrimEnd() == "---")
        {
            var end = Array.FindIndex(lines, 1, line => line.TrimEnd() is "---" or "...");
            if (end < 0)
            {
                return SourceReadResult.Fail(new SourceProblem.FrontMatterNotClosed());
            }

            var parsed = ParseFrontMatter(string.Join('\n', lines[1..end]), maxDepth);
            if (parsed.Problem is not null)
            {
                return SourceReadResult.Fail(parsed.Problem);
            }

            frontMatter = parsed.Value!;
            bodyStart = end + 1;
        }

        var bodyLines = lines[bodyStart..].ToList();
        var title = frontMatter.Title;
        if (string.IsNullOrWhiteSpace(title))
        {
            title = TakeLeadingHeading(bodyLines);
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            return SourceReadResult.Fail(new SourceProblem.NoTitle());
        }

        return SourceReadResult.Ok(
        [
            new ModuleSource(
                ModuleSourceKind.Markdown,
                title,
                TitleIsHtml: false,
                frontMatter.Slug,
                string.Join('\n', bodyLines),
                SourceUrl: null,
                SourceId: null,
                SiteBaseUrl: null,
                frontMatter.Summary,
                frontMatter.Prompts,
                frontMatter.Literature),
        ]);
    }

    private static string? TakeLeadingHeading(List<string> lines)
    {
        var first = lines.FindIndex(line => !string.IsNullOrWhiteSpace(line));
        if (first < 0)
        {
            return null;
        }

        var atx = AtxHeading().Match(lines[first]);
        if (atx.Success)
        {
            lines.RemoveAt(first);
            return atx.Groups[1].Value.Trim();
        }

        if (first + 1 < lines.Count && SetextUnderline().IsMatch(lines[first + 1]))
        {
            var title = lines[first].Trim();
            lines.RemoveRange(first, 2);
            return title;
        }

        return null;
    }

    private static Parsed<FrontMatter> ParseFrontMatter(string yaml, int maxDepth)
    {
        // The YAML starts on the file's second line, after the opening "---".
        const int lineOffset = 1;
        var stream = new YamlStream();
        try
        {
            // Building the YAML tree recurses once per level, so nesting is bounded from the flat event stream first.
            if (TooDeepLine(yaml, maxDepth) is { } tooDeep)
            {
                var line = tooDeep + lineOffset;
                return Parsed<FrontMatter>.Fail(new SourceProblem.FrontMatterTooDeep(maxDepth, line));
            }

            stream.Load(new StringReader(yaml));
        }
        catch (YamlException exception)
        {
            var line = (int)exception.Start.Line + lineOffset;
            var column = (int)exception.Start.Column;
            var detail = YamlMarkPrefix().Replace(exception.InnerException?.Message ?? exception.Message, string.Empty).Trim();
            return Parsed<FrontMatter>.Fail(new SourceProblem.FrontMatterNotYaml(line, column, detail));
        }
        catch (InvalidOperationException)
        {
            // Some malformed flow collections make YamlDotNet's scanner fail without a position; the last
            // event it did parse shows where the trouble starts.
            var line = LastParsedLine(yaml) + lineOffset;
            return Parsed<FrontMatter>.Fail(new SourceProblem.FrontMatterUnreadable(line));
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return Parsed<FrontMatter>.Ok(new FrontMatter());
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            var root = stream.Documents[0].RootNode;
            var rootLine = (int)root.Start.Line + lineOffset;
            return Parsed<FrontMatter>.Fail(new SourceProblem.FrontMatterNotPairs(rootLine, Shape(root)));
        }

        var result = new FrontMatter();
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value?.Trim() ?? string.Empty;
            var normalizedKey = key.ToUpperInvariant();
            var line = (int)keyNode.Start.Line + lineOffset;
            switch (normalizedKey)
            {
                case "TITLE":
                case "SLUG":
                case "SUMMARY":
                    if (!TryScalar(valueNode, out var scalar))
                    {
                        return Parsed<FrontMatter>.Fail(new SourceProblem.FieldNotText(key, line, Shape(valueNode)));
                    }

                    result = normalizedKey switch
                    {
                        "TITLE" => result with { Title = scalar },
                        "SLUG" => result with { Slug = scalar },
                        _ => result with { Summary = scalar },
                    };
                    break;
                case "PROMPTS":
                case "LITERATURE":
                    if (!TryStringList(valueNode, out var list))
                    {
                        return Parsed<FrontMatter>.Fail(new SourceProblem.FieldNotList(key, line));
                    }

                    result = normalizedKey == "PROMPTS"
                        ? result with { Prompts = list }
                        : result with { Literature = list };
                    break;
                default:
                    // Other keys (date, tags, author…) are common in Markdown front matter and harmless.
                    break;
            }
        }

        return Parsed<FrontMatter>.Ok(result);
    }

    private static int? TooDeepLine(string yaml, int maxDepth)
    {
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case YamlDotNet.Core.Events.SequenceStart or YamlDotNet.Core.Events.MappingStart when ++depth > maxDepth:
                    return (int)parser.Current.Start.Line;
                case YamlDotNet.Core.Events.SequenceEnd or YamlDotNet.Core.Events.MappingEnd:
                    depth--;
                    break;
            }
        }

        return null;
    }

    private static int LastParsedLine(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var line = 1;
        try
        {
            while (parser.MoveNext())
            {
                line = (int)parser.Current!.Start.Line;
            }
        }
        catch (Exception exception) when (exception is YamlException or InvalidOperationException)
        {
            // Expected: the same error as before; the line reached so far is the answer.
        }

        return line;
    }

    private static bool TryScalar(YamlNode node, out string? value)
    {
        value = null;
        if (node is not YamlScalarNode scalar)
        {
            return false;
        }

        value = IsNull(scalar) ? null : scalar.Value!.Trim();
        return true;
    }

    private static bool TryStringList(YamlNode node, out IReadOnlyList<string> values)
    {
        values = [];
        switch (node)
        {
            case YamlScalarNode scalar:
                values = IsNull(scalar) ? [] : [scalar.Value!.Trim()];
                return true;
            case YamlSequenceNode sequence:
                var list = new List<string>();
                foreach (var item in sequence.Children)
                {
                    if (item is not YamlScalarNode itemScalar)
                    {
                        return false;
                    }

                    if (!IsNull(itemScalar) && !string.IsNullOrWhiteSpace(itemScalar.Value))
                    {
                        list.Add(itemScalar.Value.Trim());
                    }
                }

                values = list;
                return true;
            default:
                return false;
        }
    }

    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Value is null
        || (scalar.Style is ScalarStyle.Plain or ScalarStyle.Any
            && scalar.Value is "" or "~" or "null" or "Null" or "NULL");

    private static YamlShape Shape(YamlNode node) => node switch
    {
        YamlSequenceNode => YamlShape.List,
        YamlMappingNode => YamlShape.Pairs,
        _ => YamlShape.Value,
    };

    [GeneratedRegex(@"^\s{0,3}#(?!#)\s+(.*?)(?:\s+#+\s*)?$")]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"^\s{0,3}=+\s*$")]
    private static partial Regex SetextUnderline();

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex YamlMarkPrefix();

    private sealed record FrontMatter
    {
        public string? Title { get; init; }

        public string? Slug { get; init; }

        public string? Summary { get; init; }

        public IReadOnlyList<string> Prompts { get; init; } = [];

        public IReadOnlyList<string> Literature { get; init; } = [];
    }

    private sealed record Parsed<T>(T? Value, SourceProblem? Problem)
    {
        public static Parsed<T> Ok(T value) => new(value, null);

        public static Parsed<T> Fail(SourceProblem problem) => new(default, problem);
    }
}
