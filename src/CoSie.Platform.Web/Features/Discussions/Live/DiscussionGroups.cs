using CoSie.Platform.Web.Features.Discussions.Threads;

namespace CoSie.Platform.Web.Features.Discussions.Live;

// Group names carry the institution, so two institutions can never share a group by sharing an id.
public static class DiscussionGroups
{
    public static string ThreadReaders(Guid institutionId, Guid reflectionId) => $"inst:{institutionId}:thread:{reflectionId}:readers";

    public static string ThreadModerators(Guid institutionId, Guid reflectionId) => $"inst:{institutionId}:thread:{reflectionId}:moderators";

    public static string Thread(Guid institutionId, Guid reflectionId, ViewerClass viewer) =>
        viewer == ViewerClass.Moderator ? ThreadModerators(institutionId, reflectionId) : ThreadReaders(institutionId, reflectionId);

    public static string Prompt(Guid institutionId, Guid cohortId, Guid promptId) => $"inst:{institutionId}:cohort:{cohortId}:prompt:{promptId}";

    // Accounts are global, so a person's own group is not an institution's.
    public static string User(Guid userId) => $"inst-any:user:{userId}";
}
