using System.Globalization;
using System.Text;

namespace CoSie.Platform.Web.Features.Discussions.Threads;

// A generated picture for a post's author: their initials on one of eight colours, each with white text above 6:1, the
// colour fixed by the account so the same person looks the same in every thread. Decorative beside the name, which
// stays the text screen readers read.
public static class Avatar
{
    public const int Colours = 8;

    public static string Initials(string? name)
    {
        var words = (name ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(word => new StringInfo(word))
            .Where(word => word.LengthInTextElements > 0 && char.IsLetterOrDigit(word.SubstringByTextElements(0, 1), 0))
            .ToList();
        if (words.Count == 0)
        {
            return "?";
        }
        var first = words[0].SubstringByTextElements(0, 1);
        var last = words.Count > 1 ? words[^1].SubstringByTextElements(0, 1) : "";
        return (first + last).ToUpper(CultureInfo.InvariantCulture);
    }

    public static int Colour(Guid? authorId)
    {
        if (authorId is not { } id)
        {
            return 0;
        }
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes);
        var sum = 0;
        foreach (var b in bytes)
        {
            sum = (sum * 31 + b) % 9973;
        }
        return sum % Colours;
    }

    // An uploaded picture where the author has one (Features/Profiles), addressed like the profile link beside it: from
    // the thread's own address, /cohorts/{cohort}/reflections/{reflection}.
    public static void Write(StringBuilder html, Guid? authorId, string? name, string? picture)
    {
        if (authorId is { } id && picture is not null)
        {
            html.Append("<img class=\"avatar avatar-photo\" src=\"../people/").Append(id.ToString()).Append("/picture?v=")
                .Append(System.Net.WebUtility.HtmlEncode(picture)).Append("\" alt=\"\" width=\"32\" height=\"32\" />");
            return;
        }
        html.Append("<span class=\"avatar avatar-").Append(Colour(authorId).ToString(CultureInfo.InvariantCulture))
            .Append("\" aria-hidden=\"true\">").Append(System.Net.WebUtility.HtmlEncode(Initials(name))).Append("</span>");
    }
}
