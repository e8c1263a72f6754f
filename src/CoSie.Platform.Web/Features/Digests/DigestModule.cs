namespace CoSie.Platform.Web.Features.Digests;

public sealed record DigestModule(string Title, string Slug);
