using System.Globalization;

namespace CoSie.Platform.Web.Features.Insight;

// Numbers written into SVG attributes: invariant, whatever the reader's language.
public static class Svg
{
    public static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    // A round top for an axis: 1, 2, 5, 10, 20, 50 ...
    public static int NiceMax(int value)
    {
        if (value <= 5)
        {
            return Math.Max(1, value);
        }
        var magnitude = (int)Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1, 2, 5, 10 })
        {
            if (step * magnitude >= value)
            {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    public static string Shorten(string text, int length)
    {
        var plain = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return plain.Length <= length ? plain : string.Concat(plain.AsSpan(0, length).TrimEnd(), "…");
    }
}
