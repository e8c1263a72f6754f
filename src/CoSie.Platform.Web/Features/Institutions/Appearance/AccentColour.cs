using System.Globalization;
using System.Text.RegularExpressions;

namespace CoSie.Platform.Web.Features.Institutions.Appearance;

// An institution's accent colour and the one rule it must meet: links in it and white text on its buttons keep WCAG AA
// contrast (4.5:1) on the light pages. For the dark scheme the same hue is lightened until it meets 4.5:1 on the dark
// pages and under their dark button text. The page colours here are the tokens of wwwroot/css/site.css.
public sealed partial record AccentColour(byte Red, byte Green, byte Blue)
{
    public const double MinimumContrast = 4.5;

    private static readonly AccentColour White = new(0xff, 0xff, 0xff);
    private static readonly AccentColour LightWash = new(0xf5, 0xf7, 0xfa);
    private static readonly AccentColour DarkPaper = new(0x1a, 0x1f, 0x27);
    private static readonly AccentColour DarkWash = new(0x12, 0x16, 0x1c);
    private static readonly AccentColour DarkButtonText = new(0x0b, 0x1a, 0x2e);

    // "#1f5fa8", "1F5FA8" or the short "#15a"; anything else is no colour.
    public static AccentColour? Parse(string? text)
    {
        var match = HexColour().Match(text?.Trim() ?? "");
        if (!match.Success)
        {
            return null;
        }
        var hex = match.Groups[1].Value;
        if (hex.Length == 3)
        {
            hex = string.Concat(hex.Select(c => $"{c}{c}"));
        }
        var value = int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return new AccentColour((byte)(value >> 16), (byte)(value >> 8), (byte)value);
    }

    public string Hex => $"#{Red:x2}{Green:x2}{Blue:x2}";

    // The lower of its contrast with the light pages' paper and wash, and with white text on it.
    public double LightContrast => Math.Min(ContrastWith(LightWash), ContrastWith(White));

    public bool MeetsContrast => LightContrast >= MinimumContrast;

    // The same hue mixed with white, a step at a time, until it reads on the dark pages.
    public AccentColour ForDarkScheme()
    {
        for (var step = 0; step <= 20; step++)
        {
            var candidate = MixWithWhite(step / 20.0);
            if (Math.Min(candidate.ContrastWith(DarkPaper), candidate.ContrastWith(DarkWash)) >= MinimumContrast
                && candidate.ContrastWith(DarkButtonText) >= MinimumContrast)
            {
                return candidate;
            }
        }
        return White;
    }

    public double ContrastWith(AccentColour other)
    {
        var (lighter, darker) = (Math.Max(Luminance, other.Luminance), Math.Min(Luminance, other.Luminance));
        return (lighter + 0.05) / (darker + 0.05);
    }

    // WCAG 2.2's relative luminance.
    private double Luminance => 0.2126 * Linear(Red) + 0.7152 * Linear(Green) + 0.0722 * Linear(Blue);

    private static double Linear(byte channel)
    {
        var c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }

    private AccentColour MixWithWhite(double share) => new(Mix(Red, share), Mix(Green, share), Mix(Blue, share));

    private static byte Mix(byte channel, double share) => (byte)Math.Round(channel + (255 - channel) * share);

    [GeneratedRegex("^#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")]
    private static partial Regex HexColour();
}
