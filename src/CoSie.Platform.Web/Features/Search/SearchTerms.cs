namespace CoSie.Platform.Web.Features.Search;

// A search's words split into what is looked for and what a minus leaves out, read the way PostgreSQL's
// websearch_to_tsquery reads them (its tokenizer, gettoken_query_websearch in src/backend/utils/adt/tsquery.c): a minus
// before a word or a "quoted phrase", where an operand may start, negates it (a run of minuses counted); a minus inside
// a word ("co-creation") does not; "or" after an operand and before another is an operator.
//
// Why split at all: each row is indexed in its own language, so the words are parsed in every configuration and the
// readings ORed (SearchWords). A negation in one reading is then satisfied by rows of another language: "-printed" is
// !'print' in English and !'printed' in Finnish, and an English post saying "printed" matched the Finnish reading.
// Split, the left-out words are excluded in every reading at once: (any reading of the wanted words) AND NOT (any
// reading of the unwanted ones). A minus therefore leaves its word out wherever it stands, also after an "or" ("a or
// -b" means a, without b; websearch_to_tsquery alone would read "a, or anything without b").
//
// AsRead is the query with ' \ and : made spaces first: in tsquery syntax they quote, escape and add weights or
// prefixes, which no one searching discussions means, and the text parser reads all three as spaces between words.
// Wanted and Unwanted are what PostgreSQL parses (SearchWords); Similar is the wanted words for trigram similarity.
public sealed record SearchTerms(string AsRead, string Wanted, string? Unwanted, string Similar)
{
    public static SearchTerms Read(string query)
    {
        var text = new string([.. query.Select(c => c is '\'' or '\\' or ':' ? ' ' : c)]);
        var groups = new List<List<string>> { new() };
        var unwanted = new List<string>();
        var waitingForOperand = true;
        var minuses = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (!waitingForOperand)
            {
                if (IsOr(text, i))
                {
                    groups.Add([]);
                    i += 2;
                    waitingForOperand = true;
                }
                else if (char.IsWhiteSpace(c) || IsSkipped(c))
                {
                    i++;
                }
                else
                {
                    // Anything else after an operand starts the next one, joined by an implied AND.
                    waitingForOperand = true;
                }
                continue;
            }
            if (c == '-')
            {
                minuses++;
                i++;
            }
            else if (char.IsWhiteSpace(c) || IsSkipped(c))
            {
                // A pending minus still applies to the next operand.
                i++;
            }
            else
            {
                var end = c == '"' ? PhraseEnd(text, i) : WordEnd(text, i);
                (minuses % 2 == 1 ? unwanted : groups[^1]).Add(Quoted(text[i..end]));
                minuses = 0;
                waitingForOperand = false;
                i = end;
            }
        }
        var wanted = groups.Where(g => g.Count > 0).Select(g => string.Join(' ', g)).ToList();
        return new SearchTerms(
            text,
            string.Join(" or ", wanted),
            unwanted.Count == 0 ? null : string.Join(" or ", unwanted),
            string.Join(' ', groups.SelectMany(g => g).Select(o => o.Trim('"'))));
    }

    // The operands are joined again with spaces and " or ": a word that begins with "or" would then be read as the
    // operator, so it goes in quotes, which parse a single word alike.
    private static string Quoted(string operand) =>
        operand.StartsWith("or", StringComparison.OrdinalIgnoreCase) ? $"\"{operand}\"" : operand;

    // Characters websearch_to_tsquery skips between operands, and which end a word (tsquery's ISOPERATOR).
    private static bool IsSkipped(char c) => c is '!' or '&' or '|' or '(' or ')' or '<';

    // A quoted phrase runs to the closing quote, or to the end when there is none.
    private static int PhraseEnd(string query, int start)
    {
        var close = query.IndexOf('"', start + 1);
        return close < 0 ? query.Length : close + 1;
    }

    // A word runs to white space, a quote or an operator character; a minus inside it is part of it.
    private static int WordEnd(string query, int start)
    {
        var i = start;
        while (i < query.Length && !char.IsWhiteSpace(query[i]) && query[i] != '"' && !IsSkipped(query[i]))
        {
            i++;
        }
        return i;
    }

    // "or" is the operator only after an operand, not as part of a longer word, and with something after it.
    private static bool IsOr(string query, int i)
    {
        if (i + 2 > query.Length || !query.AsSpan(i, 2).Equals("or", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var next = i + 2;
        if (next == query.Length || query[next] is '-' or '_' || char.IsLetterOrDigit(query[next]))
        {
            return false;
        }
        return query.AsSpan(next + 1).Trim().Length > 0;
    }
}
