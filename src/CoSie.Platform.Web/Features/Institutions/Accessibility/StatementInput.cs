using System.ComponentModel.DataAnnotations;

namespace CoSie.Platform.Web.Features.Institutions.Accessibility;

// The accessibility statement's form: what the EU model statement needs the institution to say.
public sealed class StatementInput
{
    public AccessibilityCompliance Compliance { get; set; } = AccessibilityCompliance.Partial;

    [DataType(DataType.MultilineText)]
    [StringLength(AccessibilityLimits.NonAccessibleContent, ErrorMessage = "Keep the list of non-accessible content under 8,000 characters.")]
    public string? NonAccessibleContent { get; set; }

    public AccessibilityAssessment Assessment { get; set; }

    [Required(ErrorMessage = "Enter the date the statement was prepared.")]
    public DateOnly? PreparedOn { get; set; }

    public DateOnly? ReviewedOn { get; set; }

    [Required(ErrorMessage = "Enter the address people write to about accessibility.")]
    [EmailAddress(ErrorMessage = "Enter an email address such as name@example.org.")]
    [StringLength(AccessibilityLimits.Email, ErrorMessage = "Enter an email address such as name@example.org.")]
    public string? ContactEmail { get; set; }

    [Required(ErrorMessage = "Name the enforcement body people can turn to.")]
    [StringLength(AccessibilityLimits.EnforcementBody, ErrorMessage = "Keep the enforcement body's name under 300 characters.")]
    public string? EnforcementBody { get; set; }

    [StringLength(AccessibilityLimits.Url, ErrorMessage = "Keep the address under 500 characters.")]
    public string? EnforcementUrl { get; set; }

    public static StatementInput From(AccessibilityStatement statement) => new()
    {
        Compliance = statement.Compliance,
        NonAccessibleContent = statement.NonAccessibleContent,
        Assessment = statement.Assessment,
        PreparedOn = statement.PreparedOn,
        ReviewedOn = statement.ReviewedOn,
        ContactEmail = statement.ContactEmail,
        EnforcementBody = statement.EnforcementBody,
        EnforcementUrl = statement.EnforcementUrl,
    };
}
