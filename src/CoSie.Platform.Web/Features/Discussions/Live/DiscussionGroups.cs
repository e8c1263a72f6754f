using CoSie.Platform.Web.Features.Discussions.Threads;

namespace CoSie.Platform.Web.Features.Discussions.Live;

// Group names carry the institution, so two institutions can never share a group by sharing an id.
public static class DiscussionGroups
{
    // A thread's live pages by the way they see it (readers or moderators) and the language they read, so each is sent
    // the post as it would render for them.
    public static string Thread(Guid institutionId, Guid reflectionId, ViewerClass viewer, string language) =>
        $"inst:{institutionId}:thread:{reflectionId}:{(viewer == ViewerClass.Moderator ? "moderators" : "readers")}:{language}";

    public static string Prompt(Guid institutionId, Guid cohortId, Guid promptId) => $"inst:{institutionId}:cohort:{cohortId}:prompt:{promptId}";

    // A module's proposals in one cohort (Features/Proposals).
    public static string Proposals(Guid institutionId, Guid cohortId, Guid moduleId) => $"inst:{institutionId}:cohort:{cohortId}:proposals:{moduleId}";

    // A synthesis's live editors (Features/Synthesis).
    public static string Synthesis(Guid institutionId, Guid synthesisId) => $"inst:{institutionId}:synthesis:{synthesisId}";

    // Accounts are global, so a person's own group is not an institution's.
    public static string User(Guid userId) => $"inst-any:user:{userId}";
}
