namespace CoSie.Platform.Web.Features.Discussions;

public sealed record MemberName(Guid UserId, string Name);
