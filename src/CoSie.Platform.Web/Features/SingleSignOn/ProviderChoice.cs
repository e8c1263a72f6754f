namespace CoSie.Platform.Web.Features.SingleSignOn;

public sealed record ProviderChoice(Guid Id, string DisplayName);
