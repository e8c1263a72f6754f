namespace CoSie.Platform.Web.Localization;

// The parsed form of a message pattern. A slot numbers an argument by its first appearance in the pattern.
internal abstract record MessageNode;

internal sealed record TextNode(string Text) : MessageNode;

internal sealed record ArgumentNode(int Slot) : MessageNode;

// '#' in a plural branch: the innermost plural's value minus its offset.
internal sealed record NumberSignNode : MessageNode
{
    public static readonly NumberSignNode Instance = new();
}

// Branches by exact value (=N, compared with the value itself) and by category (of the value minus the offset),
// ByCategory indexed by PluralCategory; the Other branch is always there.
internal sealed record PluralNode(
    int Slot,
    decimal Offset,
    IReadOnlyList<(decimal Value, MessageNode[] Message)> Exact,
    MessageNode[]?[] ByCategory) : MessageNode
{
    public MessageNode[] Select(decimal value, string language)
    {
        foreach (var (exact, message) in Exact)
        {
            if (exact == value)
            {
                return message;
            }
        }

        return ByCategory[(int)PluralRules.Select(language, value - Offset)] ?? ByCategory[(int)PluralCategory.Other]!;
    }
}
