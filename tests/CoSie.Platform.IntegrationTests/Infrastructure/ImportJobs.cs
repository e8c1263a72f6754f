using System.Net;
using System.Text.RegularExpressions;
using CoSie.Platform.Web.Features.Courses.Import;
using CoSie.Platform.Web.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace CoSie.Platform.IntegrationTests.Infrastructure;

// Imports run as Hangfire jobs, and no job server polls the test database: these run the import a page queued, as the
// server would, and follow the page on to its status page.
public static partial class ImportJobs
{
    // Uploads a file on a course's import page, runs the import it queued, and returns its status page (or the import
    // page itself when the upload was refused there).
    public static async Task<HttpResponseMessage> ImportAsync(this HttpClient client, PlatformFactory factory, string pageUrl, string fileField, string fileName, byte[] content)
    {
        var response = await client.UploadAsync(pageUrl, fileField, fileName, content);
        return await FollowAsync(client, factory, response);
    }

    // Runs the import a page's redirect points at and returns its status page; other responses pass through.
    public static async Task<HttpResponseMessage> FollowAsync(HttpClient client, PlatformFactory factory, HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location is not { } location
            || StatusPage().Match(location.OriginalString) is not { Success: true } match)
        {
            return response;
        }
        response.Dispose();
        await RunAsync(factory, match.Groups["institution"].Value, Guid.Parse(match.Groups["import"].Value));
        return await client.GetAsync(location);
    }

    public static async Task RunAsync(PlatformFactory factory, string institutionSlug, Guid importId)
    {
        var institution = await factory.Services.GetRequiredService<InstitutionDirectory>().FindBySlugAsync(institutionSlug)
            ?? throw new InvalidOperationException($"No institution {institutionSlug}.");
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CourseImportJob>().RunAsync(institution.Id, importId, CancellationToken.None);
    }

    [GeneratedRegex(@"^(?:https?://[^/]+)?/(?<institution>[^/]+)/courses/[^/]+/import/(?<import>[0-9a-fA-F-]{36})$")]
    private static partial Regex StatusPage();
}
