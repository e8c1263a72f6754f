using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace CoSie.Platform.Web.Localization;

// Formats translated messages with the part of ICU MessageFormat they need: {argument} and
// {argument, plural, offset:n =n {...} one {...} other {...}}, selecting by the CLDR rules of the culture's language.
// Patterns come from the translation files, a bounded set, so each is parsed once and kept.
public static class MessageFormat
{
    private static readonly ConcurrentDictionary<string, MessagePattern> Parsed = new(StringComparer.Ordinal);

    // "N0" to "N28", one per decimal scale.
    private static readonly string[] NumberFormats = [.. Enumerable.Range(0, 29).Select(scale => "N" + scale.ToString(CultureInfo.InvariantCulture))];

    // Named arguments are bound to args in the order they first appear in this pattern.
    public static string Format(string pattern, CultureInfo culture, IReadOnlyList<object?> args)
    {
        var parsed = Parse(pattern);
        return Render(parsed, culture, culture.Name, parsed.DefaultBinding, args);
    }

    // names[k] names args[k]: a translation is formatted with the names of its English original, whatever order
    // the translation puts them in. Numbered arguments still mean args[n].
    public static string Format(string pattern, CultureInfo culture, IReadOnlyList<string> names, IReadOnlyList<object?> args) =>
        Format(pattern, culture, culture, names, args);

    // Numbers written in one culture's formats (the reader's region), plural forms chosen by the rules of the language
    // the text is written in: a Finnish text read with British formats still follows Finnish plurals.
    public static string Format(string pattern, CultureInfo formats, CultureInfo language, IReadOnlyList<string> names, IReadOnlyList<object?> args)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(language);
        var parsed = Parse(pattern);
        return Render(parsed, formats, language.Name, parsed.IsNumbered ? parsed.DefaultBinding : Bind(parsed, names), args);
    }

    // The forms of a message that is one plural and nothing else to fill in, each with '#' where the number goes, by
    // selector ("one", "few", "=0"): what a page's script needs to write counts it learns later in the same grammar.
    public static IReadOnlyDictionary<string, string> PluralForms(string pattern)
    {
        var parsed = Parse(pattern);
        var plurals = parsed.Nodes.OfType<PluralNode>().ToList();
        if (plurals.Count != 1 || parsed.Nodes.Any(n => n is ArgumentNode))
        {
            throw parsed.Error("a script's plural text must be a single plural with no other arguments");
        }
        var plural = plurals[0];
        string Write(MessageNode[] branch)
        {
            var text = new StringBuilder();
            foreach (var node in parsed.Nodes)
            {
                if (node is TextNode outer)
                {
                    text.Append(outer.Text);
                    continue;
                }
                foreach (var inner in branch)
                {
                    text.Append(inner switch
                    {
                        TextNode t => t.Text,
                        NumberSignNode => "#",
                        _ => throw parsed.Error("a script's plural text may hold only text and '#' in its branches"),
                    });
                }
            }
            return text.ToString();
        }
        var forms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (value, message) in plural.Exact)
        {
            forms["=" + value.ToString(CultureInfo.InvariantCulture)] = Write(message);
        }
        for (var category = 0; category < plural.ByCategory.Length; category++)
        {
            if (plural.ByCategory[category] is { } message)
            {
                forms[PluralRules.Keyword((PluralCategory)category)] = Write(message);
            }
        }
        return forms;
    }

    // In order of first appearance, including arguments inside plural branches and the plurals' own.
    public static IReadOnlyList<string> ArgumentNames(string pattern) => Parse(pattern).ArgumentNames;

    public static MessageShape Describe(string pattern) => Parse(pattern).Shape;

    private static MessagePattern Parse(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return Parsed.GetOrAdd(pattern, MessagePattern.Parse);
    }

    private static int[] Bind(MessagePattern parsed, IReadOnlyList<string> names)
    {
        var binding = new int[parsed.ArgumentNames.Count];
        for (var slot = 0; slot < binding.Length; slot++)
        {
            var name = parsed.ArgumentNames[slot];
            binding[slot] = -1;
            for (var k = 0; k < names.Count && binding[slot] < 0; k++)
            {
                if (string.Equals(names[k], name, StringComparison.Ordinal))
                {
                    binding[slot] = k;
                }
            }

            if (binding[slot] < 0)
            {
                throw parsed.Error($"argument '{name}' is none of the names given ({string.Join(", ", names)})");
            }
        }

        return binding;
    }

    private static string Render(MessagePattern parsed, CultureInfo culture, string language, IReadOnlyList<int> binding, IReadOnlyList<object?> args)
    {
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentNullException.ThrowIfNull(args);
        for (var slot = 0; slot < binding.Count; slot++)
        {
            if (binding[slot] >= args.Count)
            {
                throw parsed.Error($"argument '{parsed.ArgumentNames[slot]}' has no value among the {args.Count} given");
            }
        }

        var output = new StringBuilder(parsed.Pattern.Length + 16);
        new Renderer(parsed, culture, language, binding, args).Append(parsed.Nodes, number: null, output);
        return output.ToString();
    }

    private readonly record struct Renderer(MessagePattern Parsed, CultureInfo Culture, string Language, IReadOnlyList<int> Binding, IReadOnlyList<object?> Args)
    {
        // number is the value '#' prints: that of the innermost plural around these nodes, minus its offset.
        public void Append(MessageNode[] nodes, decimal? number, StringBuilder output)
        {
            foreach (var node in nodes)
            {
                switch (node)
                {
                    case TextNode text:
                        output.Append(text.Text);
                        break;
                    case ArgumentNode argument:
                        AppendValue(Args[Binding[argument.Slot]], output);
                        break;
                    case NumberSignNode:
                        // A decimal prints the fraction digits it carries; whole numbers get the culture's grouping.
                        output.Append(number!.Value.ToString(NumberFormats[number.Value.Scale], Culture));
                        break;
                    case PluralNode plural:
                        var value = AsNumber(Args[Binding[plural.Slot]])
                            ?? throw Parsed.Error($"plural argument '{Parsed.ArgumentNames[plural.Slot]}' must be a number, not {Describe(Args[Binding[plural.Slot]])}");
                        Append(plural.Select(value, Language), value - plural.Offset, output);
                        break;
                }
            }
        }

        private void AppendValue(object? value, StringBuilder output)
        {
            switch (value)
            {
                case null:
                    break;
                case IFormattable formattable:
                    output.Append(formattable.ToString(null, Culture));
                    break;
                default:
                    output.Append(value);
                    break;
            }
        }

        private static string Describe(object? value) => value is null ? "null" : value.GetType().Name;
    }

    // Decimal keeps a value's scale ("1.0" is not "one" in English); a double has none to keep.
    private static decimal? AsNumber(object? value) => value switch
    {
        int v => v,
        long v => v,
        short v => v,
        byte v => v,
        sbyte v => v,
        ushort v => v,
        uint v => v,
        ulong v => v,
        decimal v => v,
        double v when double.IsFinite(v) && Math.Abs(v) < 7.9e28 => (decimal)v,
        float v when float.IsFinite(v) && Math.Abs(v) < 7.9e28f => (decimal)v,
        _ => null,
    };
}
