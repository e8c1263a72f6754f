namespace CoSie.Platform.Web.Features.Insight;

// Members on a circle and the replies between them as arrows, in the coordinates of a square viewBox. Arrows stop at
// the edge of their nodes; the two directions of a pair run side by side, so both stay visible.
public sealed class NetworkLayout
{
    public const int Size = 400;
    public const int MaxNodes = 40;
    public const double NodeRadius = 9;
    private const double Ring = 150;

    public sealed record Node(Guid UserId, string Name, double X, double Y, bool Isolated);

    public sealed record Arrow(EdgeRow Edge, double X1, double Y1, double X2, double Y2, double Width, bool OneWay);

    public IReadOnlyList<Node> Nodes { get; }
    public IReadOnlyList<Arrow> Arrows { get; }

    // How many members the drawing leaves out (the table lists them all).
    public int Omitted { get; }

    public NetworkLayout(CohortInsight insight)
    {
        var activity = new Dictionary<Guid, int>();
        foreach (var edge in insight.Edges)
        {
            activity[edge.FromId] = activity.GetValueOrDefault(edge.FromId) + edge.Count;
            activity[edge.ToId] = activity.GetValueOrDefault(edge.ToId) + edge.Count;
        }
        var isolated = insight.Isolated.Select(m => m.UserId).ToHashSet();
        // The most connected members, and the isolated ones before the rest: they are what the drawing is for.
        var shown = insight.Members
            .OrderByDescending(m => isolated.Contains(m.UserId))
            .ThenByDescending(m => activity.GetValueOrDefault(m.UserId))
            .Take(MaxNodes)
            .OrderBy(m => m.Name, StringComparer.CurrentCulture)
            .ToList();
        Omitted = insight.Members.Count - shown.Count;
        var center = Size / 2.0;
        Nodes = [.. shown.Select((m, i) =>
        {
            var angle = (2 * Math.PI * i / Math.Max(1, shown.Count)) - (Math.PI / 2);
            return new Node(m.UserId, m.Name, center + (Ring * Math.Cos(angle)), center + (Ring * Math.Sin(angle)), isolated.Contains(m.UserId));
        })];
        var at = Nodes.ToDictionary(n => n.UserId);
        var max = Math.Max(1, insight.Edges.Select(e => e.Count).DefaultIfEmpty(1).Max());
        var arrows = new List<Arrow>();
        foreach (var edge in insight.Edges)
        {
            if (!at.TryGetValue(edge.FromId, out var from) || !at.TryGetValue(edge.ToId, out var to))
            {
                continue;
            }
            var (dx, dy) = (to.X - from.X, to.Y - from.Y);
            var length = Math.Sqrt((dx * dx) + (dy * dy));
            if (length < 2 * NodeRadius)
            {
                continue;
            }
            var (ux, uy) = (dx / length, dy / length);
            var oneWay = insight.IsOneWay(edge);
            // A pair's two arrows each move a little to their own side of the line between the nodes.
            var shift = oneWay ? 0 : 3;
            var (sx, sy) = (-uy * shift, ux * shift);
            var gap = NodeRadius + 4;
            arrows.Add(new Arrow(edge,
                from.X + (ux * NodeRadius) + sx, from.Y + (uy * NodeRadius) + sy,
                to.X - (ux * gap) + sx, to.Y - (uy * gap) + sy,
                1 + (4.0 * edge.Count / max), oneWay));
        }
        Arrows = arrows;
    }
}
