using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CoSie.Platform.Web.Hosting;

// Binds a string as the framework does, then holds it to PlainText: in NFC, or refused. A refused value is not bound,
// the field gets a model error, and the request is marked so that PlainTextRefusalFilter answers it before any handler
// runs (many handlers do not look at ModelState for a field with no other rule), with a page that names the field.
public sealed class PlainTextModelBinder(IModelBinder inner, bool multiline) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        await inner.BindModelAsync(bindingContext);
        if (!bindingContext.Result.IsModelSet || bindingContext.Result.Model is not string value)
        {
            return;
        }
        if (PlainText.Accept(value, multiline) is { } accepted)
        {
            bindingContext.Result = ModelBindingResult.Success(accepted);
            return;
        }
        Refuse(bindingContext, value, multiline);
    }

    // The one refusal of a value that breaks PlainText, for every binder of typed text (strings, dates).
    public static void Refuse(ModelBindingContext bindingContext, string value, bool multiline)
    {
        var localizer = bindingContext.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<PlainTextModelBinder>>();
        var name = bindingContext.ModelMetadata.GetDisplayName();
        bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, multiline
            ? localizer["{field} contains a control character or a text-direction mark. Remove it and try again.", name]
            : localizer["{field} must be a single line, without line breaks, control characters or text-direction marks.", name]);
        // A value from the address (a slug, a token) names nothing with such a character in it: it stays unbound, and
        // the page answers as for any address it does not know (404), rather than with the 400 of a refused form.
        var fromAddress = bindingContext.ActionContext.RouteData.Values.TryGetValue(bindingContext.ModelName, out var routeValue)
            && routeValue?.ToString() == value;
        if (!fromAddress)
        {
            bindingContext.HttpContext.Items.TryAdd(PlainText.RefusedField, name);
        }
        bindingContext.Result = ModelBindingResult.Failed();
    }
}
