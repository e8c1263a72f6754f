using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace CoSie.Platform.Web.Localization;

// A message pattern parsed once: the subset of ICU MessageFormat the platform's translations use, that is text,
// {argument} and {argument, plural, ...}, with ICU's apostrophe quoting in its default DOUBLE_OPTIONAL mode.
internal sealed class MessagePattern
{
    private MessagePattern(string pattern, MessageNode[] nodes, List<string> names, bool numbered, MessageShape shape)
    {
        Pattern = pattern;
        Nodes = nodes;
        ArgumentNames = names.AsReadOnly();
        IsNumbered = numbered;
        Shape = shape;
        DefaultBinding = numbered
            ? [.. names.Select(name => int.Parse(name, CultureInfo.InvariantCulture))]
            : [.. Enumerable.Range(0, names.Count)];
    }

    public string Pattern { get; }

    public MessageNode[] Nodes { get; }

    public IReadOnlyList<string> ArgumentNames { get; }

    public bool IsNumbered { get; }

    public MessageShape Shape { get; }

    // For each slot, the index into the arguments: a numbered argument's number, a named one's first appearance.
    public IReadOnlyList<int> DefaultBinding { get; }

    public static MessagePattern Parse(string pattern)
    {
        var parser = new Parser(pattern);
        var nodes = parser.ParseMessage(openedAt: -1, inPlural: false);
        var shape = new MessageShape(
            parser.Names.ToFrozenSet(StringComparer.Ordinal),
            parser.Selectors.ToFrozenDictionary(
                entry => entry.Key,
                entry => (IReadOnlySet<string>)entry.Value.ToFrozenSet(StringComparer.Ordinal),
                StringComparer.Ordinal));
        return new MessagePattern(pattern, nodes, parser.Names, parser.IsNumbered, shape);
    }

    public FormatException Error(string problem) => Error(Pattern, problem);

    private static FormatException Error(string pattern, string problem) => new($"Message pattern \"{pattern}\": {problem}.");

    private ref struct Parser
    {
        private static readonly SearchValues<char> Syntax = SearchValues.Create("'{}#");

        private readonly string _pattern;
        private readonly ReadOnlySpan<char> _text;
        private readonly StringBuilder _literal = new();
        private int _pos;
        private bool? _numbered;

        public Parser(string pattern)
        {
            _pattern = pattern;
            _text = pattern;
        }

        public List<string> Names { get; } = [];

        public Dictionary<string, HashSet<string>> Selectors { get; } = new(StringComparer.Ordinal);

        public readonly bool IsNumbered => _numbered == true;

        // Text and arguments up to the end of the pattern, or up to the '}' that closes a plural branch opened at
        // openedAt (left for the caller to consume).
        public MessageNode[] ParseMessage(int openedAt, bool inPlural)
        {
            var nodes = new List<MessageNode>();
            while (true)
            {
                var run = _text[_pos..].IndexOfAny(Syntax);
                var end = run < 0 ? _text.Length : _pos + run;
                _literal.Append(_text[_pos..end]);
                _pos = end;
                if (_pos == _text.Length)
                {
                    if (openedAt >= 0)
                    {
                        throw Unclosed(openedAt);
                    }

                    break;
                }

                var c = _text[_pos];
                if (c == '\'')
                {
                    ParseApostrophe(inPlural);
                }
                else if (c == '#')
                {
                    _pos++;
                    if (inPlural)
                    {
                        Flush(nodes);
                        nodes.Add(NumberSignNode.Instance);
                    }
                    else
                    {
                        _literal.Append('#');
                    }
                }
                else if (c == '{')
                {
                    Flush(nodes);
                    nodes.Add(ParseArgument());
                }
                else if (openedAt >= 0)
                {
                    break;
                }
                else
                {
                    throw Error(_pattern, $"the '}}' at index {_pos} closes no '{{'");
                }
            }

            Flush(nodes);
            return [.. nodes];
        }

        // '' is one apostrophe everywhere. A single apostrophe before a syntax character ('{', '}', and '#' in a
        // plural branch) quotes text up to the next single apostrophe; anywhere else it is itself, so "member's"
        // needs no escaping. ICU also quotes '|', but only in choice arguments, which are not supported here.
        private void ParseApostrophe(bool inPlural)
        {
            _pos++;
            if (_pos < _text.Length && _text[_pos] == '\'')
            {
                _literal.Append('\'');
                _pos++;
                return;
            }

            if (_pos == _text.Length || !(_text[_pos] is '{' or '}' || inPlural && _text[_pos] == '#'))
            {
                _literal.Append('\'');
                return;
            }

            while (true)
            {
                var close = _text[_pos..].IndexOf('\'');
                if (close < 0)
                {
                    // As in ICU, quoted text left open runs to the end of the pattern.
                    _literal.Append(_text[_pos..]);
                    _pos = _text.Length;
                    return;
                }

                _literal.Append(_text.Slice(_pos, close));
                _pos += close + 1;
                if (_pos < _text.Length && _text[_pos] == '\'')
                {
                    _literal.Append('\'');
                    _pos++;
                    continue;
                }

                return;
            }
        }

        private MessageNode ParseArgument()
        {
            var open = _pos++;
            SkipWhiteSpace(open);
            var name = ParseName();
            var slot = Register(name);
            SkipWhiteSpace(open);
            if (_text[_pos] == '}')
            {
                _pos++;
                return new ArgumentNode(slot);
            }

            if (_text[_pos] != ',')
            {
                throw Error(_pattern, $"argument '{name}' is followed by '{_text[_pos]}' at index {_pos} where ',' or '}}' belongs");
            }

            _pos++;
            SkipWhiteSpace(open);
            var type = ReadWord();
            if (type != "plural")
            {
                throw Error(_pattern, type.Length == 0
                    ? $"argument '{name}' has no type after its ','"
                    : $"argument '{name}' has type '{type}', and only plural is supported");
            }

            SkipWhiteSpace(open);
            if (_text[_pos] != ',')
            {
                throw Error(_pattern, $"plural argument '{name}' has no branches");
            }

            _pos++;
            return ParsePlural(open, name, slot);
        }

        // pluralStyle = [offset:number] (selector '{' message '}')+, selector = '=' number | zero | one | ... | other
        private PluralNode ParsePlural(int open, string name, int slot)
        {
            SkipWhiteSpace(open);
            var offset = 0m;
            if (_text[_pos..].StartsWith("offset:", StringComparison.Ordinal))
            {
                _pos += "offset:".Length;
                SkipWhiteSpace(open);
                offset = ParseNumber($"the offset of '{name}'");
            }

            var exact = new List<(decimal Value, MessageNode[] Message)>();
            var byCategory = new MessageNode[]?[Enum.GetValues<PluralCategory>().Length];
            if (!Selectors.TryGetValue(name, out var selectors))
            {
                Selectors[name] = selectors = new HashSet<string>(StringComparer.Ordinal);
            }

            while (true)
            {
                SkipWhiteSpace(open);
                if (_text[_pos] == '}')
                {
                    _pos++;
                    break;
                }

                var start = _pos;
                string selector;
                PluralCategory? category = null;
                var value = 0m;
                if (_text[_pos] == '=')
                {
                    _pos++;
                    value = ParseNumber($"an exact value of '{name}'");
                    selector = _text[start.._pos].ToString();
                    if (exact.Exists(branch => branch.Value == value))
                    {
                        throw Error(_pattern, $"plural argument '{name}' has two branches for {selector}");
                    }
                }
                else
                {
                    selector = ReadWord();
                    category = Category(selector) ?? throw Error(_pattern, selector.Length == 0
                        ? $"plural argument '{name}' has '{_text[_pos]}' at index {_pos} where a selector belongs"
                        : $"plural argument '{name}' has the selector '{selector}', which is none of zero, one, two, few, many, other or =number");
                    if (byCategory[(int)category] is not null)
                    {
                        throw Error(_pattern, $"plural argument '{name}' has two branches for '{selector}'");
                    }
                }

                SkipWhiteSpace(open);
                if (_text[_pos] != '{')
                {
                    throw Error(_pattern, $"the selector '{selector}' of '{name}' is followed by '{_text[_pos]}' at index {_pos} where '{{' belongs");
                }

                var message = ParseMessage(_pos++, inPlural: true);
                _pos++;
                if (category is { } known)
                {
                    byCategory[(int)known] = message;
                }
                else
                {
                    exact.Add((value, message));
                }

                selectors.Add(selector);
            }

            if (byCategory[(int)PluralCategory.Other] is null)
            {
                throw Error(_pattern, $"plural argument '{name}' has no 'other' branch");
            }

            return new PluralNode(slot, offset, exact, byCategory);
        }

        // A number (0, or digits without a leading zero) or an identifier [A-Za-z_][A-Za-z0-9_]*.
        private string ParseName()
        {
            var start = _pos;
            if (char.IsAsciiDigit(_text[_pos]))
            {
                while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
                {
                    _pos++;
                }

                var number = _text[start.._pos];
                if (number.Length > 1 && number[0] == '0' || !int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    throw Error(_pattern, $"'{number}' at index {start} is not an argument number");
                }

                return number.ToString();
            }

            while (_pos < _text.Length && (char.IsAsciiLetter(_text[_pos]) || _text[_pos] == '_' || _pos > start && char.IsAsciiDigit(_text[_pos])))
            {
                _pos++;
            }

            if (_pos == start)
            {
                throw Error(_pattern, $"an argument name is missing at index {start}");
            }

            return _text[start.._pos].ToString();
        }

        private int Register(string name)
        {
            var numbered = char.IsAsciiDigit(name[0]);
            if (_numbered is { } earlier && earlier != numbered)
            {
                throw Error(_pattern, $"numbered and named arguments are mixed ('{Names[0]}' and '{name}')");
            }

            _numbered = numbered;
            var slot = Names.IndexOf(name);
            if (slot < 0)
            {
                slot = Names.Count;
                Names.Add(name);
            }

            return slot;
        }

        private decimal ParseNumber(string what)
        {
            var start = _pos;
            if (_pos < _text.Length && _text[_pos] == '-')
            {
                _pos++;
            }

            while (_pos < _text.Length && (char.IsAsciiDigit(_text[_pos]) || _text[_pos] == '.'))
            {
                _pos++;
            }

            if (!decimal.TryParse(_text[start.._pos], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                throw Error(_pattern, $"{what} at index {start} is not a number");
            }

            return value;
        }

        private string ReadWord()
        {
            var start = _pos;
            while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
            {
                _pos++;
            }

            return _text[start.._pos].ToString();
        }

        // Inside an argument's braces the pattern must go on; its end there means the '{' at open is never closed.
        private void SkipWhiteSpace(int open)
        {
            while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
            {
                _pos++;
            }

            if (_pos == _text.Length)
            {
                throw Unclosed(open);
            }
        }

        private void Flush(List<MessageNode> nodes)
        {
            if (_literal.Length > 0)
            {
                nodes.Add(new TextNode(_literal.ToString()));
                _literal.Clear();
            }
        }

        private readonly FormatException Unclosed(int open) => Error(_pattern, $"the '{{' at index {open} is never closed");

        private static PluralCategory? Category(string keyword) => keyword switch
        {
            "zero" => PluralCategory.Zero,
            "one" => PluralCategory.One,
            "two" => PluralCategory.Two,
            "few" => PluralCategory.Few,
            "many" => PluralCategory.Many,
            "other" => PluralCategory.Other,
            _ => null,
        };
    }
}
