using System.Net.Http.Headers;
using AngleSharp.Html.Dom;

namespace CoSie.Platform.IntegrationTests.Infrastructure;

public static class Uploads
{
    public static byte[] Asset(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Assets", name));

    // Posts a multipart form the way a browser does: the page's hidden fields (antiforgery token included) plus the file.
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string pageUrl, string fileField, string fileName, byte[] content, string formSelector = "form[enctype='multipart/form-data']")
    {
        var document = await client.GetDocumentAsync(pageUrl);
        var form = document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No upload form on {pageUrl}.");
        using var body = new MultipartFormDataContent();
        foreach (var input in form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name)))
        {
            body.Add(new StringContent(input.Value), input.Name!);
        }
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        body.Add(file, fileField, fileName);
        var action = form.GetAttribute("action");
        var target = new Uri(new Uri(client.BaseAddress!, pageUrl), string.IsNullOrEmpty(action) ? pageUrl : action);
        return await client.PostAsync(target, body);
    }
}
