using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace CoSie.Platform.Web.Features.Portfolio;

// The portfolio as a file to keep: a standalone HTML page (every text encoded, no script, its little CSS inline since
// the file is opened on its own, away from the platform's stylesheet and policy) or Markdown. Posts are written as their
// authors typed them, as text: what looks like markup in a post stays text.
public sealed class PortfolioFiles(IStringLocalizer<PortfolioFiles> localizer)
{
    private const string Style = "body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}"
        + ".post{white-space:pre-wrap;border-left:3px solid #888;padding-left:.75rem}.reply{margin-left:1.5rem}.meta{color:#555;font-size:.9em}";

    public string Html(PortfolioDocument document, TimeZoneInfo zone, CultureInfo culture, CultureInfo language)
    {
        var e = HtmlEncoder.Default;
        var html = new StringBuilder();
        var title = localizer["Portfolio of {name}: {cohort}", document.OwnerName, document.CohortName].Value;
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(e.Encode(language.Name)).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
            .Append("<title>").Append(e.Encode(title)).Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n")
            .Append("<h1>").Append(e.Encode(title)).Append("</h1>\n")
            .Append("<p class=\"meta\">").Append(e.Encode(localizer["A cohort of the course {course}.", document.CourseTitle].Value)).Append("</p>\n");
        Section(localizer["Your reflections"].Value, document.Reflections);
        Section(localizer["Your replies"].Value, document.Replies);
        html.Append("</body>\n</html>\n");
        return html.ToString();

        void Section(string heading, IReadOnlyList<PortfolioEntry> entries)
        {
            html.Append("<h2>").Append(e.Encode(heading)).Append("</h2>\n");
            if (entries.Count == 0)
            {
                html.Append("<p class=\"meta\">").Append(e.Encode(localizer["Nothing yet."].Value)).Append("</p>\n");
            }
            foreach (var entry in entries)
            {
                html.Append("<section>\n<h3>").Append(e.Encode(entry.PromptText)).Append("</h3>\n")
                    .Append("<p class=\"meta\">").Append(e.Encode(Context(entry))).Append("</p>\n");
                Post(entry.Post, "post");
                foreach (var reply in entry.Post.Replies)
                {
                    Post(reply, "post reply");
                }
                html.Append("</section>\n");
            }
        }

        void Post(PortfolioPost post, string cssClass)
        {
            html.Append("<p class=\"meta\">").Append(e.Encode(Byline(post, zone, culture))).Append("</p>\n")
                .Append("<div class=\"").Append(cssClass).Append("\">").Append(e.Encode(post.Body)).Append("</div>\n");
        }
    }

    public string Markdown(PortfolioDocument document, TimeZoneInfo zone, CultureInfo culture)
    {
        var md = new StringBuilder();
        md.Append("# ").AppendLine(Line(localizer["Portfolio of {name}: {cohort}", document.OwnerName, document.CohortName].Value)).AppendLine()
            .AppendLine(Line(localizer["A cohort of the course {course}.", document.CourseTitle].Value)).AppendLine();
        Section(localizer["Your reflections"].Value, document.Reflections);
        Section(localizer["Your replies"].Value, document.Replies);
        return md.ToString();

        void Section(string heading, IReadOnlyList<PortfolioEntry> entries)
        {
            md.Append("## ").AppendLine(heading).AppendLine();
            if (entries.Count == 0)
            {
                md.AppendLine(localizer["Nothing yet."].Value).AppendLine();
            }
            foreach (var entry in entries)
            {
                md.Append("### ").AppendLine(Line(entry.PromptText)).AppendLine().Append('*').Append(Line(Context(entry))).AppendLine("*").AppendLine();
                Post(entry.Post, string.Empty);
                foreach (var reply in entry.Post.Replies)
                {
                    Post(reply, "> ");
                }
            }
        }

        void Post(PortfolioPost post, string prefix)
        {
            md.Append(prefix).Append("**").Append(Line(Byline(post, zone, culture))).AppendLine("**").AppendLine(prefix.TrimEnd());
            foreach (var line in post.Body.ReplaceLineEndings("\n").Split('\n'))
            {
                md.Append(prefix).AppendLine(line);
            }
            md.AppendLine();
        }
    }

    private string Context(PortfolioEntry entry) => entry.IsReply
        ? localizer["Module {module}, in the discussion of a reflection by {name}", entry.ModuleTitle, entry.ReflectionAuthorName ?? localizer["another member"].Value].Value
        : localizer["Module {module}", entry.ModuleTitle].Value;

    private string Byline(PortfolioPost post, TimeZoneInfo zone, CultureInfo culture) =>
        localizer["{name}, {time}", post.AuthorName ?? localizer["another member"].Value, TimeZoneInfo.ConvertTime(post.At, zone).ToString("g", culture)].Value;

    // A heading or byline stays on one line whatever the text holds.
    private static string Line(string text) => text.ReplaceLineEndings(" ");
}
