namespace CoSie.Platform.Web.Features.Discussions.Live;

// A group a connection was admitted to: a thread (ReflectionId set) or a prompt's list of reflections.
public sealed record LiveGroup(string Name, Guid CohortId, Guid PromptId, Guid? ReflectionId);
