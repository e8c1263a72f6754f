namespace CoSie.Platform.Web.Features.Portfolio;

// A member's portfolio of one cohort: their reflections (each with the replies in its thread) and their replies in
// others' threads (each with the answers to it). A null author name is "another member".
public sealed record PortfolioDocument(
    string OwnerName, string CohortName, string CourseTitle, IReadOnlyList<PortfolioEntry> Reflections, IReadOnlyList<PortfolioEntry> Replies);

// One own post with the module and prompt it belongs to; for a reply, whose reflection it was under (a null name is
// "another member").
public sealed record PortfolioEntry(string ModuleTitle, string PromptText, bool IsReply, string? ReflectionAuthorName, PortfolioPost Post);

public sealed record PortfolioPost(string? AuthorName, string Body, DateTimeOffset At, IReadOnlyList<PortfolioPost> Replies);
