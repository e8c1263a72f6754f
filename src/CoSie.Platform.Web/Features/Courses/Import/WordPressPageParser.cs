using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CoSie.Platform.Web.Features.Courses.Import;

// Reads a WordPress REST export (one object, or an array of them as a collection endpoint returns it) into module
// sources: title, slug and rendered content, with problems located by line and column of the file. Any post type with a
// rendered title and content is course content (pages, posts, LearnDash, LifterLMS, Tutor and Sensei lessons).
internal static partial class WordPressPageParser
{
    public static SourceReadResult Read(byte[] utf8Json, int maxDepth)
    {
        JsonDocument document;
        try
        {
            if (TooDeep(utf8Json, maxDepth) is { } tooDeep)
            {
                return tooDeep;
            }

            document = JsonDocument.Parse(utf8Json, new JsonDocumentOptions { MaxDepth = maxDepth });
        }
        catch (JsonException exception)
        {
            return InvalidJson(exception, utf8Json);
        }

        using (document)
        {
            var root = document.RootElement;
            switch (root.ValueKind)
            {
                case JsonValueKind.Object:
                    return FindIfNotPage(root) is { } found
                        ? SourceReadResult.Fail(new SourceProblem.NotAPage(found))
                        : SourceReadResult.Ok([ToSource(root)]);
                case JsonValueKind.Array:
                    return ReadArray(root);
                default:
                    return SourceReadResult.Fail(new SourceProblem.NotAPage(new JsonFinding(Kind(root))));
            }
        }
    }

    private static SourceReadResult ReadArray(JsonElement array)
    {
        var count = array.GetArrayLength();
        if (count == 0)
        {
            return SourceReadResult.Fail(new SourceProblem.NoPages());
        }

        var sources = new List<(ModuleSource Source, long MenuOrder, long Parent)>(count);
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            index++;
            var found = element.ValueKind == JsonValueKind.Object ? FindIfNotPage(element) : new JsonFinding(Kind(element));
            if (found is not null)
            {
                return SourceReadResult.Fail(new SourceProblem.ElementNotAPage(index, count, found));
            }

            sources.Add((ToSource(element), GetInt(element, "menu_order"), GetInt(element, "parent")));
        }

        // A course's lessons in the order the site gives them: menu_order, then parent, then as listed (OrderBy is stable).
        return SourceReadResult.Ok(sources.OrderBy(item => item.MenuOrder).ThenBy(item => item.Parent).Select(item => item.Source).ToList());
    }

    // One pass of the reader before the document is built, so that nesting past the limit is refused with the limit and
    // its place rather than the parser's generic message. Syntax errors are left to JsonDocument's own message.
    private static SourceReadResult? TooDeep(byte[] utf8Json, int maxDepth)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = maxDepth + 1 });
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= maxDepth)
            {
                var (line, position) = LineAndPosition(utf8Json, reader.TokenStartIndex);
                return SourceReadResult.Fail(new SourceProblem.JsonTooDeep(maxDepth, line, position));
            }
        }

        return null;
    }

    private static (int Line, int Position) LineAndPosition(byte[] utf8, long offset)
    {
        var end = (int)Math.Min(offset, utf8.Length);
        var lineStart = Array.LastIndexOf(utf8, (byte)'\n', Math.Max(0, end - 1)) + 1;
        if (end == 0)
        {
            lineStart = 0;
        }

        var line = 1 + utf8.AsSpan(0, lineStart).Count((byte)'\n');
        return (line, Encoding.UTF8.GetCharCount(utf8, lineStart, end - lineStart) + 1);
    }

    // Null for a page.
    private static JsonFinding? FindIfNotPage(JsonElement value)
    {
        if (GetString(value, "code") is { } code && GetString(value, "message") is { } message
            && !value.TryGetProperty("content", out _))
        {
            return new JsonFinding(JsonFound.ErrorResponse, code, message);
        }

        if (GetString(value, "type") is { } type && WordPressPostTypes.NotContent.Contains(type))
        {
            return new JsonFinding(JsonFound.OtherType, type);
        }

        var hasTitle = GetRendered(value, "title") is not null;
        var hasContent = GetRendered(value, "content") is not null;
        return (hasTitle, hasContent) switch
        {
            (true, true) => null,
            (true, false) => new JsonFinding(JsonFound.NoContent),
            (false, true) => new JsonFinding(JsonFound.NoTitle),
            _ => new JsonFinding(JsonFound.NoTitleNorContent),
        };
    }

    private static JsonFound Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => JsonFound.Number,
        JsonValueKind.String => JsonFound.String,
        JsonValueKind.True or JsonValueKind.False => JsonFound.Boolean,
        JsonValueKind.Null => JsonFound.Null,
        JsonValueKind.Array => JsonFound.Array,
        _ => JsonFound.Object,
    };

    private static ModuleSource ToSource(JsonElement page)
    {
        var slug = GetString(page, "slug");
        var link = GetString(page, "link");
        var id = page.TryGetProperty("id", out var idValue) && idValue.ValueKind is JsonValueKind.Number or JsonValueKind.String
            ? idValue.ToString()
            : null;
        var isProtected = page.TryGetProperty("content", out var content)
            && content.TryGetProperty("protected", out var protectedValue)
            && protectedValue.ValueKind == JsonValueKind.True;

        return new ModuleSource(
            ModuleSourceKind.WordPress,
            GetRendered(page, "title")!,
            TitleIsHtml: true,
            slug,
            GetRendered(page, "content")!,
            string.IsNullOrWhiteSpace(link) ? null : link,
            id,
            SiteBaseUrl(page, link, slug),
            Summary: null,
            Prompts: [],
            Literature: [],
            isProtected,
            GetString(page, "type"));
    }

    // The REST API's own URLs ("…/cosie/wp-json/wp/v2/pages/4267") and the guid ("…/cosie/?page_id=4267")
    // name the site root exactly, which the page link alone cannot do for nested pages; each candidate must
    // still contain the page link, because a guid keeps the old address after a site has moved.
    private static string? SiteBaseUrl(JsonElement page, string? link, string? slug)
    {
        var candidates = new List<string>();
        if (page.TryGetProperty("_links", out var links) && links.ValueKind == JsonValueKind.Object
            && links.TryGetProperty("self", out var self) && self.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in self.EnumerateArray())
            {
                if (GetString(entry, "href") is { } href && href.IndexOf("/wp-json/", StringComparison.OrdinalIgnoreCase) is var at and > 0)
                {
                    candidates.Add(href[..(at + 1)]);
                }
            }
        }

        if (GetRendered(page, "guid") is { } guid && guid.IndexOf('?', StringComparison.Ordinal) is var query and > 0)
        {
            candidates.Add(guid[..query]);
        }

        foreach (var candidate in candidates)
        {
            if (link is not null && InternalLinkRewriter.IsUnderSite(link, candidate))
            {
                return InternalLinkRewriter.NormalizeSiteBase(candidate);
            }
        }

        return InternalLinkRewriter.GetSiteBaseUrl(link, slug);
    }

    private static string? GetString(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty(name, out var property)
            && property.ValueKind == JsonValueKind.String
            ? property.GetString()
            : null;

    private static long GetInt(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty(name, out var property)
            && property.ValueKind == JsonValueKind.Number && property.TryGetInt64(out var number)
            ? number
            : 0;

    private static string? GetRendered(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty(name, out var property)
            ? GetString(property, "rendered")
            : null;

    private static SourceReadResult InvalidJson(JsonException exception, byte[] utf8Json)
    {
        // System.Text.Json counts lines and bytes from zero; people count lines and characters from one.
        var lineIndex = exception.LineNumber ?? 0;
        var byteIndex = exception.BytePositionInLine ?? 0;
        var line = (int)Math.Min(lineIndex + 1, int.MaxValue);
        var position = CharacterPosition(utf8Json, lineIndex, byteIndex) + 1;
        var detail = JsonLocationSuffix().Replace(exception.Message, string.Empty).Trim();
        if (detail.Length > 0 && !detail.EndsWith('.'))
        {
            detail += ".";
        }

        return SourceReadResult.Fail(new SourceProblem.NotJson(line, position, detail));
    }

    private static int CharacterPosition(byte[] utf8, long lineIndex, long byteIndex)
    {
        var start = 0;
        for (long seen = 0; seen < lineIndex && start < utf8.Length; start++)
        {
            if (utf8[start] == (byte)'\n')
            {
                seen++;
            }
        }

        var length = (int)Math.Clamp(byteIndex, 0, utf8.Length - start);
        return Encoding.UTF8.GetCharCount(utf8, start, length);
    }

    [GeneratedRegex(@"\s*(Path:|LineNumber:).*$", RegexOptions.Singleline)]
    private static partial Regex JsonLocationSuffix();
}
