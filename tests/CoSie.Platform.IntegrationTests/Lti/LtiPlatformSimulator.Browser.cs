using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CoSie.Platform.IntegrationTests.Lti;

// The LMS's pages a real browser sees: a course page that shows the tool in an iframe, started at the tool's login
// initiation URL, and the authentication endpoint, which answers with the launch of BrowserPerson as an auto-posting
// form (form_post) to the redirect URI, as Moodle's auth.php does.
public sealed partial class LtiPlatformSimulator
{
    public LaunchPerson? BrowserPerson { get; set; }

    // The clock of the launches the browser posts: the app's, in a browser test.
    public Func<DateTimeOffset> BrowserClock { get; set; } = () => DateTimeOffset.UtcNow;

    // The tool's login initiation URL for a link of this LMS, at the tool's address toolOrigin ("http://host:port").
    public string ToolLoginUrl(string toolOrigin, string institutionSlug) =>
        $"{toolOrigin}/{institutionSlug}/lti/login" + QueryString.Create(new Dictionary<string, string?>
        {
            ["iss"] = Issuer,
            ["login_hint"] = "hint-42",
            ["target_link_uri"] = $"{toolOrigin}/{institutionSlug}/lti/launch",
            ["client_id"] = ClientId,
            ["lti_deployment_id"] = DeploymentId,
        });

    public string CoursePageUrl(string toolLoginUrl) => $"{Issuer}/course/view.php?tool={Uri.EscapeDataString(toolLoginUrl)}";

    private void MapBrowserPages(WebApplication app)
    {
        app.MapGet("/course/view.php", (HttpContext context) => Results.Content(
            $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Ethics 101</title></head>
            <body><h1>Ethics 101 in the LMS</h1>
            <iframe title="The tool" src="{HtmlEncoder.Default.Encode(context.Request.Query["tool"].ToString())}" width="1100" height="750"></iframe>
            </body></html>
            """, "text/html"));
        app.MapGet("/mod/lti/auth.php", (HttpContext context) =>
        {
            var query = context.Request.Query;
            var redirectUri = query["redirect_uri"].ToString();
            var token = IdToken(query["nonce"].ToString(), BrowserPerson ?? throw new InvalidOperationException("No BrowserPerson to launch."), BrowserClock(),
                claims => claims[Lti + "target_link_uri"] = redirectUri);
            var html = HtmlEncoder.Default;
            return Results.Content(
                $"""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Launching</title></head>
                <body onload="document.forms[0].submit()">
                <form method="post" action="{html.Encode(redirectUri)}">
                <input type="hidden" name="id_token" value="{html.Encode(token)}">
                <input type="hidden" name="state" value="{html.Encode(query["state"].ToString())}">
                <button type="submit">Continue</button>
                </form></body></html>
                """, "text/html");
        });
    }
}
