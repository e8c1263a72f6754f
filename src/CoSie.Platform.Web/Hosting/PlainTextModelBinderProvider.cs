using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.Web.Hosting;

// Every bound string goes through PlainTextModelBinder: single-line unless its property says
// [DataType(DataType.MultilineText)] (post bodies, reasons, notes, summaries, literature, prompts, host name lists). A
// list of strings so marked binds each item as multi-line. Passwords are bound exactly as typed: normalising them would
// lock out whoever chose one in another form, and they are never shown or mailed.
public sealed class PlainTextModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        // Headers, bodies, services and [ModelBinder] types have binders of their own; this is for form, query and route values.
        if (context.BindingInfo.BindingSource is { IsGreedy: true } || context.BindingInfo.BinderType is not null)
        {
            return null;
        }
        var metadata = context.Metadata;
        var multiline = metadata.DataTypeName == nameof(DataType.MultilineText);
        var loggerFactory = context.Services.GetRequiredService<ILoggerFactory>();
        if (metadata.ModelType == typeof(string))
        {
            var inner = new SimpleTypeModelBinder(typeof(string), loggerFactory);
            return metadata.DataTypeName == nameof(DataType.Password) ? inner : new PlainTextModelBinder(inner, multiline);
        }
        if (multiline && metadata.ModelType == typeof(List<string>))
        {
            var item = new PlainTextModelBinder(new SimpleTypeModelBinder(typeof(string), loggerFactory), multiline: true);
            return new CollectionModelBinder<string>(item, loggerFactory, allowValidatingTopLevelNodes: true,
                context.Services.GetRequiredService<IOptions<MvcOptions>>().Value);
        }
        return null;
    }
}
