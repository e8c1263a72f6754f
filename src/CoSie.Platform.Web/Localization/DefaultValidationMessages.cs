using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace CoSie.Platform.Web.Localization;

// Data annotations only pass their message through the localizer when it is named on the attribute, so an attribute
// without one (the [Required] the framework adds to a non-nullable value, a bare [EmailAddress]) would answer in
// the framework's English. This names the catalogue's message for those. {0} is the field's display name, as the
// framework formats it. It also gives [StringLength] a form that can format the ICU plurals its messages use.
public sealed class DefaultValidationMessages : IValidationMetadataProvider
{
    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        var validators = context.ValidationMetadata.ValidatorMetadata;
        for (var i = 0; i < validators.Count; i++)
        {
            // Length messages count with ICU plurals, which the attribute's own string.Format cannot read.
            if (validators[i] is StringLengthAttribute { ErrorMessage: not null } length && length is not CatalogueStringLengthAttribute)
            {
                validators[i] = new CatalogueStringLengthAttribute(length);
            }
        }
        foreach (var attribute in validators.OfType<ValidationAttribute>())
        {
            if (attribute.ErrorMessage is not null || attribute.ErrorMessageResourceType is not null)
            {
                continue;
            }
            attribute.ErrorMessage = attribute switch
            {
                RequiredAttribute => Catalogue.Key("{0} is required."),
                EmailAddressAttribute => Catalogue.Key("{0} is not a valid e-mail address."),
                RangeAttribute => Catalogue.Key("{0} must be between {1} and {2}."),
                StringLengthAttribute => Catalogue.Key("{0} is too long."),
                MaxLengthAttribute => Catalogue.Key("{0} is too long."),
                MinLengthAttribute => Catalogue.Key("{0} is too short."),
                CompareAttribute => Catalogue.Key("{0} does not match."),
                UrlAttribute => Catalogue.Key("{0} is not a valid web address."),
                _ => Catalogue.Key("{0} is not valid."),
            };
        }
    }
}
