namespace CoSie.Platform.Web.Tenancy;

public sealed record EndpointScopeMetadata(EndpointScope Scope);
