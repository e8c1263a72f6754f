namespace CoSie.Platform.Web.Features.Insight;

// Everything the insight page shows of one cohort under one filter.
public sealed record CohortInsight(
    IReadOnlyList<InsightPrompt> Prompts,
    int Learners,
    int ExpectedPeerReplies,
    IReadOnlyList<DayRow> Days,
    IReadOnlyList<MemberRow> Members,
    IReadOnlyList<EdgeRow> Edges,
    IReadOnlyList<UnansweredRow> Unanswered,
    IReadOnlyList<MemberRow> Inactive,
    IReadOnlyList<FlaggedRow> Flagged,
    FiguresRow Figures)
{
    public const int InactiveDays = 7;

    private HashSet<(Guid, Guid)>? _pairs;
    private HashSet<Guid>? _connected;

    private HashSet<(Guid From, Guid To)> Pairs => _pairs ??= [.. Edges.Select(e => (e.FromId, e.ToId))];

    // Members who neither wrote a reply to anyone nor received one in the filter's range.
    public IEnumerable<MemberRow> Isolated
    {
        get
        {
            _connected ??= [.. Edges.Select(e => e.FromId), .. Edges.Select(e => e.ToId)];
            return Members.Where(m => !_connected.Contains(m.UserId));
        }
    }

    // Replies one way only: the first replied to the second, who never replied back.
    public bool IsOneWay(EdgeRow edge) => !Pairs.Contains((edge.ToId, edge.FromId));

    public IEnumerable<EdgeRow> OneWay => Edges.Where(IsOneWay);

    private Dictionary<Guid, string>? _names;

    public string NameOf(Guid userId) => (_names ??= Members.ToDictionary(m => m.UserId, m => m.Name)).GetValueOrDefault(userId, string.Empty);
}
