using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace CoSie.Platform.IntegrationTests.Infrastructure;

// Drives pages as a browser without JavaScript would: read the form (antiforgery token included), fill it, post it.
public static class Forms
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"GET {url} answered {(int)response.StatusCode}: {Excerpt(html)}");
        }
        return await Parser.ParseDocumentAsync(html);
    }

    public static async Task<IHtmlDocument> ParseAsync(this HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    // Posts the page's form (the one whose action matches, else the first form in <main>) with these values.
    public static async Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client, string pageUrl, IDictionary<string, string> values, string? formSelector = null, string? submitName = null)
    {
        var document = await client.GetDocumentAsync(pageUrl);
        var form = (formSelector is null ? document.QuerySelector("main form[method=post]") : document.QuerySelector(formSelector)) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form {formSelector ?? "in <main>"} on {pageUrl}.");
        return await client.PostFormAsync(pageUrl, form, values, submitName);
    }

    // Presses one of the form's submit buttons by its text; a button with a formaction of its own posts there.
    public static async Task<HttpResponseMessage> PressAsync(
        this HttpClient client, string pageUrl, string formSelector, string buttonText, IDictionary<string, string> values)
    {
        var document = await client.GetDocumentAsync(pageUrl);
        var form = document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form {formSelector} on {pageUrl}.");
        var button = form.QuerySelectorAll("button").FirstOrDefault(b => b.TextContent.Trim() == buttonText)
            ?? throw new InvalidOperationException($"No button \"{buttonText}\" in {formSelector} on {pageUrl}.");
        return await client.PostFormAsync(pageUrl, form, values, action: button.GetAttribute("formaction"));
    }

    public static async Task<HttpResponseMessage> PostFormAsync(
        this HttpClient client, string pageUrl, IHtmlFormElement form, IDictionary<string, string> values, string? submitName = null, string? action = null)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button"):
                    if (input.Type is "checkbox" or "radio")
                    {
                        if (input.IsChecked && !values.ContainsKey(input.Name))
                        {
                            fields.Add(new(input.Name, input.Value));
                        }
                    }
                    else if (!values.ContainsKey(input.Name))
                    {
                        fields.Add(new(input.Name, input.Value));
                    }
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name) && !values.ContainsKey(area.Name):
                    fields.Add(new(area.Name, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name) && !values.ContainsKey(select.Name):
                    fields.Add(new(select.Name, select.Value ?? string.Empty));
                    break;
            }
        }
        fields.AddRange(values);
        if (submitName is not null)
        {
            var button = form.Elements.OfType<IHtmlButtonElement>().FirstOrDefault(b => b.Name == submitName);
            fields.Add(new(submitName, button?.Value ?? string.Empty));
        }
        action ??= string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!;
        var target = new Uri(new Uri(client.BaseAddress!, pageUrl), action);
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(target, content);
    }

    public static string Excerpt(string html) => html.Length > 600 ? html[..600] + "…" : html;
}
