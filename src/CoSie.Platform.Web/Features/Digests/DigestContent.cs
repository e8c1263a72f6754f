namespace CoSie.Platform.Web.Features.Digests;

// Everything one member's digest says. The lists are capped; the totals count what did not fit.
public sealed record DigestContent(
    string CohortName,
    string CourseSlug,
    string CourseTitle,
    IReadOnlyList<DigestPost> NewReflections,
    int NewReflectionsTotal,
    IReadOnlyList<DigestPost> RepliesToYou,
    int RepliesToYouTotal,
    IReadOnlyList<DigestPost> Mentions,
    IReadOnlyList<DigestThread> ActiveThreads,
    IReadOnlyList<DigestPost> Pinned,
    IReadOnlyList<DigestNudge> Nudges,
    DigestModule? NextModule,
    IReadOnlyList<DigestSynthesis> Syntheses)
{
    // The next module alone is not news: without anything new there is no digest.
    public bool IsEmpty => NewReflectionsTotal == 0 && RepliesToYouTotal == 0 && Mentions.Count == 0 && ActiveThreads.Count == 0 && Nudges.Count == 0 && Syntheses.Count == 0;
}
