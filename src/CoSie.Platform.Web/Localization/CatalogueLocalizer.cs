using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;

namespace CoSie.Platform.Web.Localization;

// Reads the one catalogue of texts (Strings.resx and its translations) in CultureInfo.CurrentUICulture and formats
// the result as an ICU message. The English text is the key; its argument names, in the order they first appear in
// the English, say which argument each is, so a translation may reorder them ("{count} … {cohort}").
public sealed partial class CatalogueLocalizer(ResourceManager catalogue, ILogger logger) : IStringLocalizer
{
    public LocalizedString this[string name] => Localize(name, []);

    public LocalizedString this[string name, params object[] arguments] => Localize(name, arguments);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures)
    {
        var set = catalogue.GetResourceSet(CultureInfo.CurrentUICulture, createIfNotExists: true, tryParents: includeParentCultures);
        if (set is null)
        {
            yield break;
        }
        foreach (System.Collections.DictionaryEntry entry in set)
        {
            if (entry.Key is string key && entry.Value is string value)
            {
                yield return new LocalizedString(key, value);
            }
        }
    }

    // The message as written in the reader's language, unformatted.
    public string Pattern(string name) => Find(name) ?? name;

    private LocalizedString Localize(string name, object?[] arguments)
    {
        var pattern = Find(name);
        return new LocalizedString(name, Format(pattern ?? name, name, arguments), resourceNotFound: pattern is null);
    }

    // Texts found before, by language and English text: ResourceManager takes a lock for every lookup, and a page asks
    // for dozens. Only texts the catalogue has are kept, so the cache is bounded by the catalogue.
    private readonly ConcurrentDictionary<(string Language, string Name), string> _found = new();

    private string? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var language = CultureInfo.CurrentUICulture;
        var pattern = PseudoText.Applies(language) ? PseudoText.Of(name) : Lookup(name, language);
        if (pattern is null)
        {
            LogMissing(logger, name, language.Name);
        }
        return pattern;
    }

    private string? Lookup(string name, CultureInfo language)
    {
        if (_found.TryGetValue((language.Name, name), out var known))
        {
            return known;
        }
        return catalogue.GetString(name, language) is { } pattern ? _found.GetOrAdd((language.Name, name), pattern) : null;
    }

    private string Format(string pattern, string english, object?[] arguments)
    {
        try
        {
            return MessageFormat.Format(pattern, CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture, MessageFormat.ArgumentNames(english), arguments);
        }
        catch (FormatException e) when (!ReferenceEquals(pattern, english))
        {
            // A broken translation shows the English rather than nothing; the catalogue check keeps this rare.
            LogBroken(logger, e, english, CultureInfo.CurrentUICulture.Name);
            return MessageFormat.Format(english, CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture, MessageFormat.ArgumentNames(english), arguments);
        }
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "No text in the catalogue for \"{Key}\" ({Language}); showing the key")]
    private static partial void LogMissing(ILogger logger, string key, string language);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Error, Message = "The {Language} translation of \"{Key}\" cannot be formatted; showing the English")]
    private static partial void LogBroken(ILogger logger, Exception exception, string key, string language);
}
