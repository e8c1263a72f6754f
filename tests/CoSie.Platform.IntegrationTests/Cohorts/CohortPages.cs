using System.Net;
using AngleSharp.Html.Dom;
using CoSie.Platform.IntegrationTests.Infrastructure;

namespace CoSie.Platform.IntegrationTests.Cohorts;

public static class CohortPages
{
    // A form carrying a valid antiforgery token for this client, taken from a page the person may open; used to
    // prove that a POST to a page they may not use is refused by the page itself, not by a missing token.
    public static async Task<IHtmlFormElement> AnyFormAsync(this HttpClient client, string pageUrl)
    {
        var document = await client.GetDocumentAsync(pageUrl);
        return document.QuerySelector("main form[method=post]") as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form on {pageUrl}.");
    }

    public static async Task<HttpStatusCode> PostWithFormAsync(this HttpClient client, IHtmlFormElement form, string url, IDictionary<string, string>? values = null)
    {
        form.Action = url;
        using var response = await client.PostFormAsync(url, form, values ?? new Dictionary<string, string>());
        return response.StatusCode;
    }

    public static async Task<HttpResponseMessage> UploadRosterAsync(this HttpClient client, string rosterUrl, byte[] file, string fileName = "roster.csv")
    {
        var document = await client.GetDocumentAsync(rosterUrl);
        var token = document.QuerySelector("main form[enctype='multipart/form-data'] input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("No upload form.");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var fileContent = new ByteArrayContent(file);
        fileContent.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        content.Add(fileContent, "Input.File", fileName);
        return await client.PostAsync(rosterUrl, content);
    }
}
