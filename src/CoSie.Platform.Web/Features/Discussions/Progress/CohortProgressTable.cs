namespace CoSie.Platform.Web.Features.Discussions.Progress;

public sealed record CohortProgressTable(IReadOnlyList<ProgressColumn> Prompts, IReadOnlyList<ProgressRow> Learners, int ExpectedPeerReplies)
{
    // How many learners met the expectation for each prompt.
    public int CompletedCount(int column) => Learners.Count(l => l.Cells[column].Meets(ExpectedPeerReplies));
}
