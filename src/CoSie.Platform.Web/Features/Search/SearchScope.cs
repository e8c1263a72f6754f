using CoSie.Platform.Web.Features.Discussions;
using CoSie.Platform.Web.Features.Discussions.Threads;

namespace CoSie.Platform.Web.Features.Search;

// What one person may find, per cohort, decided by the discussions' own rules (Viewer, PostFirstGate) in C#, so
// that the search query only receives their answers as lists of ids:
// - Moderated: cohorts the person moderates (their instructor, or the institution's admin): every post but deleted
//   ones, drafts' prompts included.
// - Open: cohorts whose readers are not held back by post-first: visible posts of published modules.
// - OpenPrompts: for cohorts under post-first, the prompts whose gate the learner has passed (posted, and the edit
//   window over unless the cohort reveals on posting); of other prompts they find only their own reflections.
// The search's SQL adds nothing to these rules but the moderation states every page applies (visible, published).
public sealed record SearchScope(
    Guid UserId,
    bool IsInstitutionAdmin,
    IReadOnlyList<SearchScope.CohortChoice> Cohorts,
    IReadOnlyList<Guid> Moderated,
    IReadOnlyList<Guid> Open,
    IReadOnlyList<(Guid CohortId, Guid PromptId)> OpenPrompts)
{
    public sealed record CohortChoice(Guid Id, string Name);

    public sealed record CohortRow(
        Guid Id, string Name, CohortRole? Role, bool PostFirst, bool RevealOnPost, int EditWindowMinutes, IReadOnlyList<OwnReflection> Own);

    public sealed record OwnReflection(Guid PromptId, DateTimeOffset CreatedAt);

    public static SearchScope For(Guid userId, bool isInstitutionAdmin, IEnumerable<CohortRow> cohorts, DateTimeOffset now)
    {
        var choices = new List<CohortChoice>();
        var moderated = new List<Guid>();
        var open = new List<Guid>();
        var openPrompts = new List<(Guid, Guid)>();
        foreach (var cohort in cohorts)
        {
            var viewer = new Viewer(userId, cohort.Role, isInstitutionAdmin);
            if (viewer.Role is null && !viewer.IsInstitutionAdmin)
            {
                continue;
            }
            choices.Add(new CohortChoice(cohort.Id, cohort.Name));
            if (viewer.IsModerator)
            {
                moderated.Add(cohort.Id);
                continue;
            }
            var heldBack = viewer.IsHeldBackByPostFirst(cohort.PostFirst);
            if (!heldBack)
            {
                open.Add(cohort.Id);
                continue;
            }
            foreach (var own in cohort.Own)
            {
                var gate = PostFirstGate.For(heldBack, own.CreatedAt, cohort.RevealOnPost, TimeSpan.FromMinutes(cohort.EditWindowMinutes), now);
                if (gate.IsOpen)
                {
                    openPrompts.Add((cohort.Id, own.PromptId));
                }
            }
        }
        return new SearchScope(userId, isInstitutionAdmin, choices, moderated, open, openPrompts);
    }

    public IEnumerable<Guid> CohortIds => Cohorts.Select(c => c.Id);
}
