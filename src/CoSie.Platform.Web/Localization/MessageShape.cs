namespace CoSie.Platform.Web.Localization;

// What a pattern asks for, so a check can compare a translation with its English original: the argument names,
// and for each plural argument the selectors its branches provide ("one", "few", "=0").
public sealed record MessageShape(
    IReadOnlySet<string> Arguments,
    IReadOnlyDictionary<string, IReadOnlySet<string>> PluralSelectors);
