using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace CoSie.Platform.Web.Localization;

// The messages model binding writes when a value cannot be read into its field, in the reader's language.
public static class ModelBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider messages, IStringLocalizer localizer)
    {
        messages.SetMissingBindRequiredValueAccessor(field => localizer["Enter a value for {field}.", field]);
        messages.SetMissingKeyOrValueAccessor(() => localizer["Enter a value."]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => localizer["The form arrived empty. Fill it in and send it again."]);
        messages.SetValueMustNotBeNullAccessor(field => localizer["Enter a value for {field}.", field]);
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => localizer["“{value}” is not a valid value for {field}.", value, field]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => localizer["“{value}” is not a valid value.", value]);
        messages.SetUnknownValueIsInvalidAccessor(field => localizer["The value entered for {field} is not valid.", field]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => localizer["The value entered is not valid."]);
        messages.SetValueIsInvalidAccessor(value => localizer["“{value}” is not valid here.", value]);
        messages.SetValueMustBeANumberAccessor(field => localizer["{field} must be a number.", field]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => localizer["Enter a number."]);
    }
}
