using System.Globalization;
using CoSie.Platform.Web.Localization;

namespace CoSie.Platform.Tests.Localization;

public sealed class PluralRulesTests
{
    // The @integer and @decimal samples of each rule, copied from common/supplemental/plurals.xml of unicode-org/cldr
    // at commit 004469dc0e1842dac3ba0b302f7f53150f3c2d17 (its <version> reads $Revision$; the data is that of
    // CLDR 42 and later, with "many" for whole millions in ca/it/pt_PT, es, fr and pt). Each row names, of the
    // xml's locale group, the languages the platform formats; "…" (more of the same) is left out when expanding.
    private static readonly (string Languages, string Category, string Samples)[] Cldr =
    [
        // <pluralRules locales="ast de en et fi fy gl ia io ji lij nl sc scn sv sw ur yi">
        ("de en et fi nl sv", "one", "@integer 1"),
        ("de en et fi nl sv", "other", "@integer 0, 2~16, 100, 1000, 10000, 100000, 1000000, … @decimal 0.0~1.5, 10.0, 100.0, 1000.0, 10000.0, 100000.0, 1000000.0, …"),
        // <pluralRules locales="af an asa az bal ... el ... hu ... xog">
        ("el hu", "one", "@integer 1 @decimal 1.0, 1.00, 1.000, 1.0000"),
        ("el hu", "other", "@integer 0, 2~16, 100, 1000, 10000, 100000, 1000000, … @decimal 0.0~0.9, 1.1~1.6, 10.0, 100.0, 1000.0, 10000.0, 100000.0, 1000000.0, …"),
        // <pluralRules locales="fr">
        ("fr", "one", "@integer 0, 1 @decimal 0.0~1.5"),
        ("fr", "many", "@integer 1000000, 1c6, 2c6, 3c6, 4c6, 5c6, 6c6, … @decimal 1.0000001c6, 1.1c6, 2.0000001c6, 2.1c6, 3.0000001c6, 3.1c6, …"),
        ("fr", "other", "@integer 2~17, 100, 1000, 10000, 100000, 1c3, 2c3, 3c3, 4c3, 5c3, 6c3, … @decimal 2.0~3.5, 10.0, 100.0, 1000.0, 10000.0, 100000.0, 1000000.0, 1.0001c3, 1.1c3, 2.0001c3, 2.1c3, 3.0001c3, 3.1c3, …"),
        // <pluralRules locales="pt">
        ("pt", "one", "@integer 0, 1 @decimal 0.0~1.5"),
        ("pt", "many", "@integer 1000000, 1c6, 2c6, 3c6, 4c6, 5c6, 6c6, … @decimal 1.0000001c6, 1.1c6, 2.0000001c6, 2.1c6, 3.0000001c6, 3.1c6, …"),
        ("pt", "other", "@integer 2~17, 100, 1000, 10000, 100000, 1c3, 2c3, 3c3, 4c3, 5c3, 6c3, … @decimal 2.0~3.5, 10.0, 100.0, 1000.0, 10000.0, 100000.0, 1000000.0, 1.0001c3, 1.1c3, 2.0001c3, 2.1c3, 3.0001c3, 3.1c3, …"),
        // <pluralRules locales="ca it pt_PT">
        ("it pt-PT", "one", "@integer 1"),
        ("it pt-PT", "many", "@integer 1000000, 1c6, 2c6, 3c6, 4c6, 5c6, 6c6, … @decimal 1.0000001c6, 1.1c6, 2.0000001c6, 2.1c6, 3.0000001c6, 3.1c6, …"),
        ("it pt-PT", "other", "@integer 0, 2~16, 100, 1000, 10000, 100000, 1c3, 2c3, 3c3, 4c3, 5c3, 6c3, … @decimal 0.0~1.5, 10.0, 100.0, 1000.0, 10000.0, 100000.0, 1000000.0, 1.0001c3, 1.1c3, 2.0001c3, 2.1c3, 3.0001c3, 3.1c3, …"),
        // <pluralRules locales="es">
        ("es", "one", "@integer 1 @decimal 1.0, 1.00, 1.000, 1.0000"),
        ("es", "many", "@integer 1000000, 1c6, 2c6, 3c6, 4c6, 5c6, 6c6, … @decimal 1.0000001c6, 1.1c6, 2.0000001c6, 2.1c6, 3.0000001c6, 3.1c6, …"),
        ("es", "other", "@integer 0, 2~16, 100, 1000, 10000, 100000, 1c3, 2c3, 3c3, 4c3, 5c3, 6c3, … @decimal 0.0~0.9, 1.1~1.6, 10.0, 100.0, 1000.0, 10000.0, 100000.0, 1000000.0, 1.0001c3, 1.1c3, 2.0001c3, 2.1c3, 3.0001c3, 3.1c3, …"),
        // <pluralRules locales="pl">
        ("pl", "one", "@integer 1"),
        ("pl", "few", "@integer 2~4, 22~24, 32~34, 42~44, 52~54, 62, 102, 1002, …"),
        ("pl", "many", "@integer 0, 5~19, 100, 1000, 10000, 100000, 1000000, …"),
        ("pl", "other", "@decimal 0.0~1.5, 10.0, 100.0, 1000.0, 10000.0, 100000.0, 1000000.0, …"),
    ];

    public static TheoryData<string, PluralCategory, string> Samples
    {
        get
        {
            var data = new TheoryData<string, PluralCategory, string>();
            foreach (var (languages, category, samples) in Cldr)
            {
                foreach (var language in languages.Split(' '))
                {
                    foreach (var sample in Expand(samples))
                    {
                        data.Add(language, Enum.Parse<PluralCategory>(category, ignoreCase: true), sample);
                    }
                }
            }

            return data;
        }
    }

    public static TheoryData<string> Languages => [.. Cldr.SelectMany(row => row.Languages.Split(' ')).Distinct()];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_cldr_sample_falls_in_its_category(string language, PluralCategory expected, string sample)
    {
        var category = sample.Contains('c', StringComparison.Ordinal) ? PluralRules.Select(language, Compact(sample))
            : sample.Contains('.', StringComparison.Ordinal) ? PluralRules.Select(language, decimal.Parse(sample, CultureInfo.InvariantCulture))
            : PluralRules.Select(language, long.Parse(sample, CultureInfo.InvariantCulture));
        Assert.Equal(expected, category);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void A_language_needs_exactly_the_categories_cldr_gives_it(string language)
    {
        var expected = Cldr.Where(row => row.Languages.Split(' ').Contains(language))
            .Select(row => Enum.Parse<PluralCategory>(row.Category, ignoreCase: true));
        Assert.Equal(expected.Order(), PluralRules.CategoriesOf(language).Order());
    }

    [Fact]
    public void A_decimal_keeps_its_scale_so_one_point_zero_is_not_one_in_english()
    {
        Assert.Equal(PluralCategory.One, PluralRules.Select("en", 1m));
        Assert.Equal(PluralCategory.Other, PluralRules.Select("en", 1.0m));
        Assert.Equal(PluralCategory.One, PluralRules.Select("hu", 1.0m));
    }

    [Fact]
    public void A_culture_name_is_matched_on_its_language_and_an_unknown_language_gets_english_rules()
    {
        Assert.Equal(PluralCategory.Few, PluralRules.Select("pl-PL", 22));
        Assert.Equal(PluralCategory.Few, PluralRules.Select("PL_pl", 22));
        Assert.Equal(PluralCategory.One, PluralRules.Select("pt-BR", 0));
        Assert.Equal(PluralCategory.Other, PluralRules.Select("pt-PT", 0));
        Assert.Equal(PluralCategory.One, PluralRules.Select("ja", 1));
        Assert.Equal(PluralCategory.Other, PluralRules.Select("", 2));
        Assert.Equal(PluralRules.CategoriesOf("en"), PluralRules.CategoriesOf("xx-YY"));
    }

    [Fact]
    public void A_negative_number_takes_the_category_of_its_absolute_value()
    {
        Assert.Equal(PluralCategory.One, PluralRules.Select("en", -1));
        Assert.Equal(PluralCategory.Few, PluralRules.Select("pl", -3));
    }

    // The examples of UTS #35 part 3, "Plural Operand Examples".
    [Theory]
    [InlineData("1", "1", "1", 0, 0, "0", "0", 0)]
    [InlineData("1.0", "1", "1", 1, 0, "0", "0", 0)]
    [InlineData("1.00", "1", "1", 2, 0, "0", "0", 0)]
    [InlineData("1.3", "1.3", "1", 1, 1, "3", "3", 0)]
    [InlineData("1.30", "1.3", "1", 2, 1, "30", "3", 0)]
    [InlineData("1.03", "1.03", "1", 2, 2, "3", "3", 0)]
    [InlineData("1.230", "1.23", "1", 3, 2, "230", "23", 0)]
    [InlineData("1200000", "1200000", "1200000", 0, 0, "0", "0", 0)]
    [InlineData("1.2c6", "1200000", "1200000", 0, 0, "0", "0", 6)]
    [InlineData("123c6", "123000000", "123000000", 0, 0, "0", "0", 6)]
    [InlineData("123c5", "12300000", "12300000", 0, 0, "0", "0", 5)]
    [InlineData("1200.50", "1200.5", "1200", 2, 1, "50", "5", 0)]
    [InlineData("1.20050c3", "1200.5", "1200", 2, 1, "50", "5", 3)]
    public void Operands_are_derived_as_uts_35_defines_them(string source, string n, string i, int v, int w, string f, string t, int e)
    {
        var operands = source.Contains('c', StringComparison.Ordinal)
            ? Compact(source)
            : PluralOperands.Of(decimal.Parse(source, CultureInfo.InvariantCulture));
        Assert.Equal(
            (decimal.Parse(n, CultureInfo.InvariantCulture), decimal.Parse(i, CultureInfo.InvariantCulture), v, w,
                decimal.Parse(f, CultureInfo.InvariantCulture), decimal.Parse(t, CultureInfo.InvariantCulture), e),
            (operands.N, operands.I, operands.V, operands.W, operands.F, operands.T, operands.E));
    }

    // "2~16" gives its ends and a middle value with the same number of fraction digits; "…" is dropped.
    private static IEnumerable<string> Expand(string samples)
    {
        foreach (var part in samples.Replace("@integer", ",", StringComparison.Ordinal).Replace("@decimal", ",", StringComparison.Ordinal).Split(','))
        {
            var sample = part.Trim();
            if (sample.Length == 0 || sample == "…")
            {
                continue;
            }

            var tilde = sample.IndexOf('~', StringComparison.Ordinal);
            if (tilde < 0)
            {
                yield return sample;
                continue;
            }

            var (low, high) = (sample[..tilde], sample[(tilde + 1)..]);
            var digits = low.Contains('.', StringComparison.Ordinal) ? low.Length - low.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
            var middle = (decimal.Parse(low, CultureInfo.InvariantCulture) + decimal.Parse(high, CultureInfo.InvariantCulture)) / 2;
            yield return low;
            yield return decimal.Round(middle, digits, MidpointRounding.ToZero).ToString("F" + digits, CultureInfo.InvariantCulture);
            yield return high;
        }
    }

    // A compact sample such as "1.1c6" is 1.1 million shown as "1.1 M": the value 1100000 with e = 6, keeping the
    // fraction digits that remain visible ("1.0000001c6" is 1000000.1).
    private static PluralOperands Compact(string sample)
    {
        var c = sample.IndexOf('c', StringComparison.Ordinal);
        var (mantissa, exponent) = (sample[..c], int.Parse(sample[(c + 1)..], CultureInfo.InvariantCulture));
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = mantissa.Replace(".", "", StringComparison.Ordinal);
        var integerDigits = (point < 0 ? mantissa.Length : point) + exponent;
        digits = digits.PadRight(integerDigits, '0');
        var expanded = digits.Length > integerDigits ? digits[..integerDigits] + "." + digits[integerDigits..] : digits;
        return PluralOperands.Of(decimal.Parse(expanded, CultureInfo.InvariantCulture), exponent);
    }
}
