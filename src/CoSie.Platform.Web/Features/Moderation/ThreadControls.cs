namespace CoSie.Platform.Web.Features.Moderation;

// What the lock and pin forms need: the thread, where they post, and where to come back to.
public sealed record ThreadControls(Reflection Thread, string Action, string? ReturnUrl);
