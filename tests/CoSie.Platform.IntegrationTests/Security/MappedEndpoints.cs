using System.Text.RegularExpressions;
using CoSie.Platform.Web.Hosting;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.IntegrationTests.Security;

// Every endpoint the app maps, read from its endpoint data source (Razor page handlers one by one), with a URL that
// points at institution A's seeded things and the largest body it accepts.
public static partial class MappedEndpoints
{
    public static async Task<List<MappedEndpoint>> ListAsync(SecurityFactory factory)
    {
        var source = factory.Services.GetRequiredService<EndpointDataSource>();
        var loader = factory.Services.GetRequiredService<PageLoader>();
        var defaultLimit = factory.Services.GetRequiredService<IOptions<RequestLimits>>().Value.MaxBodyBytes;
        var endpoints = new List<MappedEndpoint>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            // Stylesheets and scripts: files from the build, GET and HEAD only, reading no input; their headers and
            // compression are covered by Hosting/StaticAssetTests.
            if (endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is not null)
            {
                continue;
            }
            var pattern = endpoint.RoutePattern.RawText ?? string.Empty;
            var limit = Limit(endpoint.Metadata, defaultLimit);
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                // A page's model and its attributes (such as [RequestSizeLimit]) are known once it is compiled.
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                limit = Limit(new EndpointMetadataCollection(compiled.EndpointMetadata), defaultLimit);
                var inInstitution = endpoint.Metadata.GetMetadata<EndpointScopeMetadata>()?.Scope == EndpointScope.Institution;
                var url = (inInstitution ? "/" + factory.A.Slug : string.Empty) + Fill(factory, page.ViewEnginePath, "/" + pattern.TrimStart('/'));
                foreach (var handler in compiled.HandlerMethods)
                {
                    var method = handler.HttpMethod.ToUpperInvariant();
                    var query = handler.Name is null ? string.Empty : (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + handler.Name;
                    endpoints.Add(new MappedEndpoint(
                        $"{method} {page.ViewEnginePath}{(handler.Name is null ? string.Empty : "?handler=" + handler.Name)}", method, url + query, pattern, limit));
                }
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            foreach (var method in methods.Where(m => m is "GET" or "POST").Distinct())
            {
                endpoints.Add(new MappedEndpoint($"{method} {pattern}", method, Fill(factory, pattern, "/" + pattern.TrimStart('/')), pattern, limit));
            }
        }
        return [.. endpoints.DistinctBy(e => (e.Key, e.Url)).OrderBy(e => e.Key, StringComparer.Ordinal)];
    }

    private static long? Limit(EndpointMetadataCollection metadata, long defaultLimit) =>
        metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } declared ? declared.MaxRequestBodySize : defaultLimit;

    // Real ids of the seeded things of institution A in place of each route parameter.
    private static string Fill(SecurityFactory factory, string page, string pattern) => RouteParameter().Replace(pattern, match =>
    {
        var name = match.Groups[1].Value;
        return name switch
        {
            "id" when page.StartsWith("/Admin/", StringComparison.Ordinal) => factory.A.Id.ToString(),
            "id" => factory.CohortA.Id.ToString(),
            // A profile is of a member of the cohort: its learner, who has a picture.
            "userId" when page.StartsWith("/Profiles/", StringComparison.Ordinal) => factory.People[Actor.LearnerA].Id.ToString(),
            "userId" => factory.People[Actor.AdminA].Id.ToString(),
            "memberId" => factory.LearnerMembershipA.Id.ToString(),
            "invitationId" => factory.InvitationA.Id.ToString(),
            "cohortId" => factory.CohortA.Id.ToString(),
            "reflectionId" => factory.ReflectionA.ToString(),
            "postId" => factory.ReplyA.ToString(),
            "promptId" => factory.PromptA.Id.ToString(),
            "moduleId" => factory.ModuleA.Id.ToString(),
            "slug" or "course" => factory.CourseA.Slug,
            "module" => factory.ModuleA.Slug,
            "file" => factory.MediaA,
            "import" => factory.ImportA.ToString(),
            "code" when page == "/Errors/Status" => "404",
            "code" => factory.CohortA.InviteCode,
            "path" => string.Empty,
            // A token that does not verify: the unsubscribe page must refuse it the same way for everyone.
            "token" => "not-a-valid-token",
            _ => throw new InvalidOperationException($"No seeded value for the route parameter {{{name}}} of {page}; add one to Fill."),
        };
    });

    [GeneratedRegex(@"\{\**([A-Za-z]+)[^}]*\}")]
    public static partial Regex RouteParameter();
}
