using System.Globalization;
using CoSie.Platform.Web.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CoSie.Platform.Web.Hosting;

// Reads a DateOnly (or DateOnly?) in the request's culture or as ISO, and a DateTime (a wall-clock moment, for the page
// to place in the time zone it names) as the reader's short date and time or ISO; a value that cannot be read is a
// model error in the platform's words, and an empty field is no date (Required, where a date must be given, says so).
public sealed class ReaderDateModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (value == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
        var text = value.FirstValue;
        var metadata = bindingContext.ModelMetadata;
        if (string.IsNullOrWhiteSpace(text))
        {
            if (metadata.IsReferenceOrNullableType)
            {
                bindingContext.Result = ModelBindingResult.Success(null);
            }
            else
            {
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, metadata.ModelBindingMessageProvider.ValueMustNotBeNullAccessor(text ?? string.Empty));
            }
            return Task.CompletedTask;
        }
        // Typed like any text: control characters and direction marks get the same refusal as in a text field.
        if (PlainText.Accept(text, multiline: false) is null)
        {
            PlainTextModelBinder.Refuse(bindingContext, text, multiline: false);
            return Task.CompletedTask;
        }
        if (metadata.UnderlyingOrModelType == typeof(DateTime))
        {
            if (DateInput.TryReadDateTime(text, CultureInfo.CurrentCulture, out var moment))
            {
                bindingContext.Result = ModelBindingResult.Success(moment);
                return Task.CompletedTask;
            }
        }
        else if (DateInput.TryRead(text, CultureInfo.CurrentCulture, out var date))
        {
            bindingContext.Result = ModelBindingResult.Success(date);
            return Task.CompletedTask;
        }
        bindingContext.ModelState.TryAddModelError(bindingContext.ModelName,
            metadata.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor(text, metadata.GetDisplayName()));
        return Task.CompletedTask;
    }
}
