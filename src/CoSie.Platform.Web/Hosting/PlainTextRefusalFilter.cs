using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CoSie.Platform.Web.Hosting;

// A form whose text PlainTextModelBinder refused is answered 400 here, after binding and before the handler, so that it
// changes nothing whatever the handler would have done; the status page names the field and says what to remove. (A
// refused route value is left unbound instead: the page answers it as an address it does not know.)
public sealed class PlainTextRefusalFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        // Not on the status page that answers the refusal: it runs as the same request again, with the same mark.
        if (context.HttpContext.Items.ContainsKey(PlainText.RefusedField) && context.HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
            return Task.CompletedTask;
        }
        return next();
    }
}
