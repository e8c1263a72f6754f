namespace CoSie.Platform.Web.Features.Moderation;

public sealed record QueueFlag(Guid PostId, string? FlaggerName, FlagReason Reason, string? Note, DateTimeOffset CreatedAt);
