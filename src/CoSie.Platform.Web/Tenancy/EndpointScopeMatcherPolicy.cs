using Microsoft.AspNetCore.Routing.Matching;

namespace CoSie.Platform.Web.Tenancy;

// "/" is both the platform's landing page and an institution's home; the resolved institution decides which
// endpoint a path means. A path that only exists on the other side is a plain 404.
public sealed class EndpointScopeMatcherPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    public override int Order => 0;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        endpoints.Any(e => e.Metadata.GetMetadata<EndpointScopeMetadata>() is { Scope: not EndpointScope.Any });

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        var inInstitution = httpContext.RequestServices.GetRequiredService<TenantContext>().HasInstitution;
        for (var i = 0; i < candidates.Count; i++)
        {
            var scope = candidates[i].Endpoint.Metadata.GetMetadata<EndpointScopeMetadata>()?.Scope ?? EndpointScope.Any;
            var fits = scope switch
            {
                EndpointScope.Platform => !inInstitution,
                EndpointScope.Institution => inInstitution,
                _ => true,
            };
            if (!fits)
            {
                candidates.SetValidity(i, false);
            }
        }
        return Task.CompletedTask;
    }
}
