using System.Collections.Frozen;
using static CoSie.Platform.Web.Localization.PluralCategory;

namespace CoSie.Platform.Web.Localization;

// CLDR cardinal plural rules (common/supplemental/plurals.xml) for the languages the platform formats, each written
// out from the condition CLDR gives and tested in CLDR's order: one, two, few, many, else other.
public static class PluralRules
{
    private sealed record LanguageRules(Func<PluralOperands, PluralCategory> Select, IReadOnlySet<PluralCategory> Categories);

    // de en et fi nl sv. one: i = 1 and v = 0
    private static readonly LanguageRules English = new(
        o => o.I == 1 && o.V == 0 ? One : Other,
        FrozenSet.Create(One, Other));

    // el hu. one: n = 1
    private static readonly LanguageRules Hungarian = new(
        o => o.N == 1 ? One : Other,
        FrozenSet.Create(One, Other));

    // it pt_PT. one: i = 1 and v = 0; many: millions
    private static readonly LanguageRules Italian = new(
        o => o.I == 1 && o.V == 0 ? One : IsMillions(o) ? Many : Other,
        FrozenSet.Create(One, Many, Other));

    // es. one: n = 1; many: millions
    private static readonly LanguageRules Spanish = new(
        o => o.N == 1 ? One : IsMillions(o) ? Many : Other,
        FrozenSet.Create(One, Many, Other));

    // fr, and pt whose "i = 0..1" is the same set. one: i = 0,1; many: millions
    private static readonly LanguageRules French = new(
        o => o.I is 0 or 1 ? One : IsMillions(o) ? Many : Other,
        FrozenSet.Create(One, Many, Other));

    // pl. one: i = 1 and v = 0
    //     few: v = 0 and i % 10 = 2..4 and i % 100 != 12..14
    //     many: v = 0 and i != 1 and i % 10 = 0..1 or v = 0 and i % 10 = 5..9 or v = 0 and i % 100 = 12..14
    private static readonly LanguageRules Polish = new(
        o =>
            o.I == 1 && o.V == 0 ? One
            : o.V == 0 && o.I % 10 is >= 2 and <= 4 && o.I % 100 is not (>= 12 and <= 14) ? Few
            : o.V == 0 && (o.I != 1 && o.I % 10 is 0 or 1 || o.I % 10 is >= 5 and <= 9 || o.I % 100 is >= 12 and <= 14) ? Many
            : Other,
        FrozenSet.Create(One, Few, Many, Other));

    private static readonly FrozenDictionary<string, LanguageRules> ByLanguage = new Dictionary<string, LanguageRules>
    {
        ["de"] = English,
        ["en"] = English,
        ["et"] = English,
        ["fi"] = English,
        ["nl"] = English,
        ["sv"] = English,
        ["el"] = Hungarian,
        ["hu"] = Hungarian,
        ["it"] = Italian,
        ["es"] = Spanish,
        ["fr"] = French,
        ["pt"] = French,
        ["pl"] = Polish,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, LanguageRules>.AlternateLookup<ReadOnlySpan<char>> ByLanguageSpan =
        ByLanguage.GetAlternateLookup<ReadOnlySpan<char>>();

    public static PluralCategory Select(string language, decimal value) => Select(language, PluralOperands.Of(value));

    public static PluralCategory Select(string language, long value) => Select(language, PluralOperands.Of(value));

    public static PluralCategory Select(string language, PluralOperands operands) => RulesFor(language).Select(operands);

    public static IReadOnlySet<PluralCategory> CategoriesOf(string language) => RulesFor(language).Categories;

    public static string Keyword(PluralCategory category) => category switch
    {
        Zero => "zero",
        One => "one",
        Two => "two",
        Few => "few",
        Many => "many",
        _ => "other",
    };

    // "e = 0 and i != 0 and i % 1000000 = 0 and v = 0 or e != 0..5": whole millions, "un million de fichiers".
    private static bool IsMillions(PluralOperands o) =>
        o.E == 0 && o.I != 0 && o.I % 1_000_000 == 0 && o.V == 0 || o.E is < 0 or > 5;

    // A culture name such as "pl-PL" is matched on its language; unknown languages get the English rules.
    private static LanguageRules RulesFor(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var span = language.AsSpan();
        var end = span.IndexOfAny('-', '_');
        var primary = end < 0 ? span : span[..end];
        // CLDR gives European Portuguese the Italian rules (0 is "other" there, "one" in Brazil); the region decides.
        if (end >= 0 && primary.Equals("pt", StringComparison.OrdinalIgnoreCase) && IsRegion(span[(end + 1)..], "PT"))
        {
            return Italian;
        }

        return ByLanguageSpan.TryGetValue(primary, out var rules) ? rules : English;
    }

    private static bool IsRegion(ReadOnlySpan<char> rest, string region) =>
        rest.StartsWith(region, StringComparison.OrdinalIgnoreCase) && (rest.Length == region.Length || rest[region.Length] is '-' or '_');
}
