using System.Net;
using CoSie.Platform.IntegrationTests.Infrastructure;
using CoSie.Platform.Web.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CoSie.Platform.IntegrationTests.Security;

// A request that ends in a 500 leaves one error line an operator can act on: the exception, and the method, path,
// trace id (the reference the error page shows), person and institution of the request.
public sealed class RequestFailureLogTests(SecurityFactory factory) : IClassFixture<SecurityFactory>
{
    [Fact]
    public async Task A_500_logs_its_exception_with_the_method_path_trace_person_and_institution()
    {
        var course = (await MappedEndpoints.ListAsync(factory)).Single(e => e.Key == "GET /Courses/Course");
        var instructor = factory.People[Actor.InstructorA];
        using var client = await factory.CreateClientAsAsync(instructor);

        // A real failure below the page: the app's role may no longer read the courses.
        await factory.SqlScalarAsSuperuserAsync($"REVOKE SELECT ON courses FROM {TestDatabases.AppRole}", "SELECT 'revoked'");
        string page;
        try
        {
            using var response = await client.GetAsync(course.Url);
            page = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        }
        finally
        {
            await factory.SqlScalarAsSuperuserAsync($"GRANT SELECT ON courses TO {TestDatabases.AppRole}", "SELECT 'granted'");
        }

        var line = Assert.Single(factory.Logs.Lines, l => l.Level == LogLevel.Error && l.Category == typeof(RequestFailureLogMiddleware).FullName);
        Assert.IsType<PostgresException>(line.Exception);
        Assert.Equal("GET", line.Values["Method"]);
        Assert.Equal(course.Url, line.Values["Path"]?.ToString());
        Assert.Equal(500, line.Values["StatusCode"]);
        Assert.Equal(instructor.Id.ToString(), line.Values["UserId"]);
        Assert.Equal(factory.A.Slug, line.Values["Institution"]);
        var traceId = Assert.IsType<string>(line.Values["TraceId"]);
        Assert.Contains(traceId, page, StringComparison.Ordinal);
        // The framework's own line (the bare exception, without the request's context) is not written as well.
        Assert.DoesNotContain(factory.Logs.Lines, l => l.Category.StartsWith("Microsoft.AspNetCore.Diagnostics", StringComparison.Ordinal));
    }
}
