namespace CoSie.Platform.IntegrationTests.Security;

// One method of one mapped route: its key in AccessMatrix, a URL to call, its route pattern and its body limit.
public sealed record MappedEndpoint(string Key, string Method, string Url, string Pattern, long? BodyLimit);
