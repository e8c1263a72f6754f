using System.Globalization;
using System.Text;

namespace CoSie.Platform.Web.Features.Courses.Import;

internal static class Slugs
{
    private const int MaxLength = 100;

    public static string FromText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        // WordPress stores non-ASCII slugs percent-encoded (e.g. "v%c3%b6ru").
        var decoded = Uri.UnescapeDataString(text.Trim()).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decoded.Length);
        foreach (var c in decoded)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(lower);
            }
            else
            {
                builder.Append(lower switch
                {
                    'ß' => "ss",
                    'æ' => "ae",
                    'ø' => "o",
                    'œ' => "oe",
                    'ł' => "l",
                    'đ' => "d",
                    'þ' => "th",
                    _ => "-",
                });
            }
        }

        var slug = string.Join('-', builder.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        if (slug.Length > MaxLength)
        {
            slug = slug[..MaxLength].TrimEnd('-');
        }

        return slug;
    }
}
