using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace CoSie.Platform.Web.Features.Search;

// Marks around the matched words in PostgreSQL's ts_headline, chosen from characters that posts cannot contain
// (control characters are removed from every text a person sends), so a post's own text can never become markup.
public static class SearchSnippet
{
    public const char Start = '\u0002';
    public const char End = '\u0003';

    // One passage around the best match, the whole text when it is short (fragments would cut a short post's first words).
    public static readonly string HeadlineOptions = $"StartSel={Start}, StopSel={End}, MaxWords=40, MinWords=20";

    public static IHtmlContent ToHtml(string snippet)
    {
        var html = new StringBuilder(snippet.Length + 32);
        var open = false;
        foreach (var part in snippet.Split(Start, End))
        {
            html.Append(WebUtility.HtmlEncode(part));
            html.Append(open ? "</mark>" : "<mark>");
            open = !open;
        }
        // After the last part: a mark opened for nothing is taken back; a closing one ends the last marked words.
        if (open)
        {
            html.Length -= "<mark>".Length;
        }
        return new HtmlString(html.ToString());
    }
}
