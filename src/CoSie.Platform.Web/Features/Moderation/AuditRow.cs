namespace CoSie.Platform.Web.Features.Moderation;

public sealed record AuditRow(
    DateTimeOffset At, string CohortName, Guid CohortId, string? ModeratorName, ModerationActionKind Kind, Guid? ReflectionId, Guid? PostId, string? SubjectName, string Reason);
