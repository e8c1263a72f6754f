using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace CoSie.Platform.Web.Localization;

// A [StringLength] whose message is an ICU message ("at most {1, plural, one {# character} other {# characters}}").
// The page shows the catalogue's translation (data annotations localization); the attribute also formats its own
// message while validating, with string.Format, which such a message would break. This formats it as the catalogue
// does. DefaultValidationMessages puts it in the place of every [StringLength].
public sealed class CatalogueStringLengthAttribute : StringLengthAttribute
{
    public CatalogueStringLengthAttribute(StringLengthAttribute original)
        : base(original.MaximumLength)
    {
        MinimumLength = original.MinimumLength;
        ErrorMessage = original.ErrorMessage;
    }

    public override string FormatErrorMessage(string name) =>
        MessageFormat.Format(ErrorMessageString, CultureInfo.CurrentCulture, [name, MaximumLength, MinimumLength]);
}
