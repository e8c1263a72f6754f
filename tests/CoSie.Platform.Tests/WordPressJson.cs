using System.Text;
using System.Text.Json;

namespace CoSie.Platform.Tests;

internal static class WordPressJson
{
    public static object PageObject(
        string title,
        string contentHtml,
        string slug = "a-page",
        string? link = null,
        int id = 101) =>
        new
        {
            id,
            slug,
            type = "page",
            link = link ?? $"https://sola.kau.se/cosie/{slug}/",
            title = new { rendered = title },
            content = new { rendered = contentHtml, @protected = false },
        };

    public static byte[] Page(string title, string contentHtml, string slug = "a-page", string? link = null, int id = 101) =>
        Encode(PageObject(title, contentHtml, slug, link, id));

    public static byte[] Collection(params object[] pages) => Encode(pages);

    public static byte[] Encode(object value) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value));
}
