namespace CoSie.Platform.Web.Features.SingleSignOn;

// A page that sends the browser on to the provider (_ContinueToProvider).
public sealed record ContinueToProvider(string Url, string ProviderName);
