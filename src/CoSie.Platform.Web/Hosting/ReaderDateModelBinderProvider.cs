using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CoSie.Platform.Web.Hosting;

// Every bound DateOnly and DateTime, from a form or from the query string, is read as people type it
// (Localization/DateInput): in the reader's own date (and time) format, or as ISO. The framework would read query values in the invariant
// culture, month first, which nobody in an en-GB institution writes.
public sealed class ReaderDateModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.BindingInfo.BindingSource is { IsGreedy: true } || context.BindingInfo.BinderType is not null
            ? null
            : context.Metadata.UnderlyingOrModelType == typeof(DateOnly) || context.Metadata.UnderlyingOrModelType == typeof(DateTime)
                ? new ReaderDateModelBinder()
                : null;
}
