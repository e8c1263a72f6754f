using CoSie.Platform.Web.Domain;

namespace CoSie.Platform.Web.Features.Digests;

// The post-first rule for a whole batch of readers at once. It mirrors the discussions' rule (DiscussionAccess): a
// learner of a post-first cohort reads peers' reflections on a prompt (and their replies) only once their own
// reflection on that prompt exists and is past the cohort's edit window, or merely exists when the cohort reveals on
// posting. Instructors and observers are not held back. REVIEW: reconcile with DiscussionAccess when both merge.
public sealed class PostFirstGate(Cohort cohort, ILookup<Guid, OwnReflection> ownByReader, DateTimeOffset now)
{
    public bool MayRead(Guid readerId, CohortRole role, Guid promptId, Guid? authorId)
    {
        if (!cohort.PostFirst || role != CohortRole.Learner || authorId == readerId)
        {
            return true;
        }
        return ownByReader[readerId].Any(own => own.PromptId == promptId && (cohort.RevealOnPost || own.CreatedAt + cohort.EditWindow <= now));
    }

    public IEnumerable<OwnReflection> Own(Guid readerId) => ownByReader[readerId];

    public bool HasPosted(Guid readerId, Guid promptId) => ownByReader[readerId].Any(own => own.PromptId == promptId);
}
