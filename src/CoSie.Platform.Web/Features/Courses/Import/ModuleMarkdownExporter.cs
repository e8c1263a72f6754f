using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace CoSie.Platform.Web.Features.Courses.Import;

public static partial class ModuleMarkdownExporter
{
    public static string Export(ImportedModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return Export(module.Title, module.Slug, module.Summary, module.BodyHtml, module.Prompts, module.Literature);
    }

    public static string Export(
        string title,
        string slug,
        string? summary,
        string bodyHtml,
        IReadOnlyList<string> prompts,
        IReadOnlyList<LiteratureReference> literature)
    {
        ArgumentNullException.ThrowIfNull(literature);
        return Export(title, slug, summary, bodyHtml, prompts, literature.Select(reference => reference.Html).ToList());
    }

    public static string Export(
        string title,
        string slug,
        string? summary,
        string bodyHtml,
        IReadOnlyList<string> prompts,
        IReadOnlyList<string> literatureHtml)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(slug);
        ArgumentNullException.ThrowIfNull(prompts);
        ArgumentNullException.ThrowIfNull(literatureHtml);

        var frontMatter = new FrontMatter
        {
            Title = title,
            Slug = slug,
            Summary = string.IsNullOrWhiteSpace(summary) ? null : summary,
            Prompts = prompts.Count == 0 ? null : [.. prompts],
            Literature = literatureHtml.Count == 0 ? null : [.. literatureHtml],
        };

        var serializer = new SerializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .WithQuotingNecessaryStrings()
            .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
            .Build();

        var builder = new StringBuilder();
        builder.Append("---\n");
        builder.Append(serializer.Serialize(frontMatter).Replace("\r\n", "\n", StringComparison.Ordinal));
        builder.Append("---\n");

        var body = (bodyHtml ?? string.Empty).Trim();
        if (body.Length > 0)
        {
            // The body stays HTML, which Markdown passes through as one HTML block. A blank line would end
            // that block and turn the rest into Markdown, so line breaks that start a blank line are written
            // as the character reference, which parses back to the same newline.
            builder.Append('\n');
            builder.Append(BlankLineBreak().Replace(body.Replace("\r\n", "\n", StringComparison.Ordinal), "&#10;"));
            builder.Append('\n');
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"\n(?=[ \t]*\n)")]
    private static partial Regex BlankLineBreak();

    // YamlDotNet serializes public properties in declaration order, which fixes the front matter layout.
    private sealed class FrontMatter
    {
        public string Title { get; init; } = string.Empty;

        public string Slug { get; init; } = string.Empty;

        public string? Summary { get; init; }

        public List<string>? Prompts { get; init; }

        public List<string>? Literature { get; init; }
    }
}
