using CoSie.Platform.Web.Features.Discussions;

namespace CoSie.Platform.Web.Features.Digests;

// The post-first rule for a whole batch of readers at once: the digest asks the discussions' own rule
// (PostFirstGate.For) with each reader's own reflections loaded in one query, so a digest never shows what the
// site would not.
public sealed class DigestReadGate(Cohort cohort, ILookup<Guid, OwnReflection> ownByReader, DateTimeOffset now)
{
    public bool MayRead(Guid readerId, CohortRole role, Guid promptId, Guid? authorId)
    {
        if (authorId == readerId)
        {
            return true;
        }
        var posted = ownByReader[readerId].Where(own => own.PromptId == promptId).Select(own => (DateTimeOffset?)own.CreatedAt).Min();
        return PostFirstGate.For(cohort.PostFirst && role == CohortRole.Learner, posted, cohort.RevealOnPost, cohort.EditWindow, now).IsOpen;
    }

    public IEnumerable<OwnReflection> Own(Guid readerId) => ownByReader[readerId];

    public bool HasPosted(Guid readerId, Guid promptId) => ownByReader[readerId].Any(own => own.PromptId == promptId);
}
