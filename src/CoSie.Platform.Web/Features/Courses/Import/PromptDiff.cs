using System.Text.RegularExpressions;

namespace CoSie.Platform.Web.Features.Courses.Import;

// Pairs a module's prompts with the prompts of its source read again, so that a prompt keeps its identity (and the
// reflections hanging off it) when its text is the same or only reworded a little.
public static partial class PromptDiff
{
    // Below this share of common words two prompts are different questions, not one reworded.
    private const double SameQuestion = 0.6;

    // existing: the module's own prompts in order (id, text); answered: those members have reflected on.
    public static IReadOnlyList<PromptChange> Compare(IReadOnlyList<(Guid Id, string Text)> existing, IReadOnlyList<string> incoming, IReadOnlySet<Guid> answered)
    {
        var result = new PromptChange?[incoming.Count];
        var unmatched = existing.ToList();
        for (var i = 0; i < incoming.Count; i++)
        {
            var same = unmatched.FindIndex(e => Normal(e.Text) == Normal(incoming[i]));
            if (same >= 0)
            {
                result[i] = new PromptChange(PromptChangeKind.Unchanged, incoming[i], unmatched[same].Text, unmatched[same].Id);
                unmatched.RemoveAt(same);
            }
        }
        for (var i = 0; i < incoming.Count; i++)
        {
            if (result[i] is not null)
            {
                continue;
            }
            var best = unmatched.Select((e, index) => (index, score: Similarity(e.Text, incoming[i]))).Where(c => c.score >= SameQuestion)
                .OrderByDescending(c => c.score).Select(c => (int?)c.index).FirstOrDefault();
            if (best is { } index)
            {
                result[i] = new PromptChange(PromptChangeKind.Changed, incoming[i], unmatched[index].Text, unmatched[index].Id);
                unmatched.RemoveAt(index);
            }
            else
            {
                result[i] = new PromptChange(PromptChangeKind.Added, incoming[i], null, null);
            }
        }
        return [.. result.Select(r => r!), .. unmatched.Select(e => new PromptChange(answered.Contains(e.Id) ? PromptChangeKind.Kept : PromptChangeKind.Removed, e.Text, e.Text, e.Id))];
    }

    private static string Normal(string text) => Whitespace().Replace(text.Trim(), " ");

    // The share of words the two have in common (Dice's coefficient over distinct words, case ignored).
    private static double Similarity(string a, string b)
    {
        var left = Words(a);
        var right = Words(b);
        return left.Count + right.Count == 0 ? 0 : 2.0 * left.Intersect(right).Count() / (left.Count + right.Count);
    }

    private static HashSet<string> Words(string text) =>
        Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\w+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
