using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CoSie.Platform.Web.Hosting;

// Every bound DateOnly, from a form or from the query string, is read as people type it (Localization/DateInput): in
// the reader's own date format, or as ISO year-month-day. The framework would read query values in the invariant
// culture, month first, which nobody in an en-GB institution writes.
public sealed class ReaderDateModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.BindingInfo.BindingSource is { IsGreedy: true } || context.BindingInfo.BinderType is not null
            ? null
            : context.Metadata.UnderlyingOrModelType == typeof(DateOnly) ? new ReaderDateModelBinder() : null;
}
