namespace CoSie.Platform.Web.Features.Courses.Import;

// One prompt of a re-imported module: the text it will have, the text it had, and the prompt it stays (null when added).
public sealed record PromptChange(PromptChangeKind Kind, string Text, string? PreviousText, Guid? PromptId);
